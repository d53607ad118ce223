package io.chatql.search;

import static io.chatql.support.DataDirectoryServer.client;
import static io.chatql.support.DataDirectoryServer.signUpAndIn;
import static io.chatql.support.DataDirectoryServer.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.DataDirectoryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On its embedded defaults, ChatQL keeps its search index in the data directory and builds it again
 * from the database when it is gone or cannot be read. The application is started and stopped as a
 * {@link DataDirectoryServer}.
 */
class SearchIndexIntegrationTests {

    /** How long a rebuild of the few messages of this test may take, start-up included. */
    private static final Duration REBUILT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private String accessToken;

    @BeforeEach
    void aMessageFoundOnce() {
        try (ConfigurableApplicationContext first = start(dataDir)) {
            WebTestClient http = client(first);
            accessToken = signUpAndIn(http, "finder");
            graphQl(http, "mutation { startConversation(id: \"notes\", name: \"Notes\", memberIds: []) { id } }");
            graphQl(
                    http,
                    "mutation { createMessage(conversationId: \"notes\", id: \"m1\", createdAt: \"now\","
                            + " content: \"the key is under the doormat\") { id } }");
            assertThat(awaitFound(http, Duration.ofSeconds(2))).containsExactly("m1");
        }
    }

    @Test
    void aDeletedIndexIsBuiltAgainFromTheDatabase() throws IOException {
        Path index = dataDir.resolve("search");
        assertThat(index).isNotEmptyDirectory();
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(awaitFound(client(second), REBUILT)).containsExactly("m1");
        }
    }

    @Test
    void aDamagedIndexIsBuiltAgainFromTheDatabase() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("search"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "not an index");
            }
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(awaitFound(client(second), REBUILT)).containsExactly("m1");
        }
    }

    @Test
    void anIndexKeptIsReadAgainAsItWas() {
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(awaitFound(client(second), Duration.ZERO)).containsExactly("m1");
        }
    }

    /** The ids of the messages found for "doormat", once there are some or {@code patience} has passed. */
    private List<String> awaitFound(WebTestClient http, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> found = found(http);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            found = found(http);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<String> found(WebTestClient http) {
        Map<String, Object> body = http.post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .bodyValue(Map.of("query", "{ searchMessages(query: \"doormat\") { hits { message { id } } } }"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        List<Map<String, Map<String, String>>> hits =
                (List<Map<String, Map<String, String>>>) ((Map<String, Object>) data.get("searchMessages")).get("hits");
        return hits.stream().map(hit -> hit.get("message").get("id")).toList();
    }

    private void graphQl(WebTestClient http, String query) {
        http.post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();
    }
}

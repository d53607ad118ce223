package io.chatql.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.ChatQlApplication;
import io.chatql.support.OwnEventLoops;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On its embedded defaults, ChatQL keeps its search index in the data directory and builds it again
 * from the database when it is gone or cannot be read. The application is started and stopped in a
 * JVM whose other tests keep theirs running, so it runs on {@link OwnEventLoops}.
 */
class SearchIndexIntegrationTests {

    /** How long a rebuild of the few messages of this test may take, start-up included. */
    private static final Duration REBUILT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private String accessToken;

    @BeforeEach
    void aMessageFoundOnce() {
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            http.post()
                    .uri("/auth/sign-up")
                    .bodyValue(Map.of("username", "finder", "email", "finder@example.com", "password", "password1"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            accessToken = (String) http.post()
                    .uri("/auth/sign-in")
                    .bodyValue(Map.of("username", "finder", "password", "password1"))
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("accessToken");
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

        try (ConfigurableApplicationContext second = start()) {
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

        try (ConfigurableApplicationContext second = start()) {
            assertThat(awaitFound(client(second), REBUILT)).containsExactly("m1");
        }
    }

    @Test
    void anIndexKeptIsReadAgainAsItWas() {
        try (ConfigurableApplicationContext second = start()) {
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChatQlApplication.class, OwnEventLoops.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--chatql.data-dir=" + dataDir);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }
}

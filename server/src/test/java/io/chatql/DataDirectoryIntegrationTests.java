package io.chatql;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.OwnEventLoops;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On its embedded defaults, ChatQL keeps its data, signing key included, in its data directory. The
 * application is started and stopped twice in a JVM whose other tests keep theirs running, so it runs
 * on {@link OwnEventLoops}.
 */
class DataDirectoryIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void usersMessagesAndTokensSurviveARestart() {
        String accessToken;
        String conversationId = "kept-across-restarts";
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            http.post()
                    .uri("/auth/sign-up")
                    .bodyValue(Map.of("username", "keeper", "email", "keeper@example.com", "password", "password1"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            accessToken = (String) http.post()
                    .uri("/auth/sign-in")
                    .bodyValue(Map.of("username", "keeper", "password", "password1"))
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("accessToken");
            graphQl(
                            http,
                            accessToken,
                            "mutation { createConversation(id: \"" + conversationId + "\", name: \"kept\") { id } }")
                    .jsonPath("$.data.createConversation.id")
                    .isEqualTo(conversationId);
        }
        assertThat(dataDir).isNotEmptyDirectory();

        try (ConfigurableApplicationContext second = start()) {
            graphQl(
                            client(second),
                            accessToken,
                            "{ me { username conversations { userConversations { conversationId } } } }")
                    .jsonPath("$.data.me.username")
                    .isEqualTo("keeper")
                    .jsonPath("$.data.me.conversations.userConversations[0].conversationId")
                    .isEqualTo(conversationId);
        }
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

    private static WebTestClient.BodyContentSpec graphQl(WebTestClient http, String accessToken, String query) {
        return http.post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}

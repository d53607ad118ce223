package io.chatql;

import static io.chatql.support.DataDirectoryServer.client;
import static io.chatql.support.DataDirectoryServer.signUpAndIn;
import static io.chatql.support.DataDirectoryServer.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.DataDirectoryServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On its embedded defaults, ChatQL keeps its data, signing key included, in its data directory. The
 * application is started and stopped twice, as a {@link DataDirectoryServer}.
 */
class DataDirectoryIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void usersMessagesAndTokensSurviveARestart() {
        String accessToken;
        String conversationId = "kept-across-restarts";
        try (ConfigurableApplicationContext first = start(dataDir)) {
            WebTestClient http = client(first);
            accessToken = signUpAndIn(http, "keeper");
            graphQl(
                            http,
                            accessToken,
                            "mutation { createConversation(id: \"" + conversationId + "\", name: \"kept\") { id } }")
                    .jsonPath("$.data.createConversation.id")
                    .isEqualTo(conversationId);
        }
        assertThat(dataDir).isNotEmptyDirectory();

        try (ConfigurableApplicationContext second = start(dataDir)) {
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

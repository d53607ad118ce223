package io.chatql.support;

import io.chatql.ChatQlApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ChatQL on its embedded defaults in a data directory of a test's, started and stopped as often as
 * the test likes: on {@link OwnEventLoops}, since the other tests of the JVM keep theirs running.
 */
public final class DataDirectoryServer {

    private DataDirectoryServer() {}

    public static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ChatQlApplication.class, OwnEventLoops.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--chatql.data-dir=" + dataDir);
    }

    public static WebTestClient client(ConfigurableApplicationContext server) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** Signs up {@code username} with the password {@code password1}, and answers their access token. */
    public static String signUpAndIn(WebTestClient http, String username) {
        http.post()
                .uri("/auth/sign-up")
                .bodyValue(Map.of("username", username, "email", username + "@example.com", "password", "password1"))
                .exchange()
                .expectStatus()
                .isCreated();
        return (String) http.post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", username, "password", "password1"))
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("accessToken");
    }
}

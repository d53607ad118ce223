package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The built-in identity with a mail server that does not answer. */
abstract class UnreachableMailIntegrationTests extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void signUpIsRefusedAndNothingIsStoredWhenTheCodeCannotBeSent() {
        String username = uniqueName("gina");

        http().post()
                .uri("/auth/sign-up")
                .bodyValue(Map.of("username", username, "email", username + "@example.com", "password", "long enough"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("mail_unavailable")
                .jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("nothing was stored"));

        assertThat(jdbc.sql("select count(*) from chat_user where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

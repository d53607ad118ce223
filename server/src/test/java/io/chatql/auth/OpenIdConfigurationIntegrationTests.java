package io.chatql.auth;

import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/** The OpenID configuration of the built-in issuer, with no public base URL configured. */
@ContextConfiguration(initializers = H2Database.class)
class OpenIdConfigurationIntegrationTests extends IntegrationTest {

    @Test
    void urlsAreBuiltFromTheRequest() {
        http().get()
                .uri("/.well-known/openid-configuration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.issuer")
                .isEqualTo("chatql")
                .jsonPath("$.jwks_uri")
                .isEqualTo("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .jsonPath("$.token_endpoint")
                .isEqualTo("http://127.0.0.1:" + port + "/auth/sign-in");
    }
}

package io.chatql.auth;

import io.chatql.support.Account;
import io.chatql.support.AdjustableClock;
import io.chatql.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An administrator disables an account: it cannot sign in, and its access tokens, refresh tokens and
 * API keys are refused at once, even those verified and remembered just before; enabled again, it
 * signs in and its access tokens and keys are accepted once more.
 */
@IdentitySettings
abstract class DisabledAccountsIntegrationTests extends IntegrationTest {

    @Autowired
    private AdjustableClock clock;

    @Test
    void disabledAccountCannotSignInWithItsRightPassword() {
        Account bob = signUp("bob");

        disable(bob.userId());

        signIn(bob.username(), "password-" + bob.username())
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("account_disabled");
        signIn(bob.username(), "a wrong password")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.message")
                .isEqualTo("incorrect username or password");
    }

    @Test
    void accessTokenVerifiedJustBeforeIsRefusedAtOnce() {
        Account bob = signUp("bob");
        expectMeAnswered(bob.accessToken(), 200);

        disable(bob.userId());

        expectMeAnswered(bob.accessToken(), 401);
    }

    @Test
    void refreshTokenIsRefused() {
        Account bob = signUp("bob");

        disable(bob.userId());

        http().post()
                .uri("/auth/refresh")
                .bodyValue(Map.of("refreshToken", bob.refreshToken()))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void apiKeyCheckedJustBeforeIsRefusedAtOnce() {
        GraphQlTester.Response created = graphQl(admin())
                .documentName("createApiKey")
                .variable("name", uniqueName("bot"))
                .variable("expiresAt", clock.instant().plus(Duration.ofDays(1)).toString())
                .execute();
        String botId =
                created.path("createApiKey.apiKey.userId").entity(String.class).get();
        String key = created.path("createApiKey.key").entity(String.class).get();
        expectMeWithKey(key, 200);

        disable(botId);

        expectMeWithKey(key, 401);
    }

    @Test
    void enabledAccountSignsInAndItsAccessTokensAreAcceptedAgain() {
        Account bob = signUp("bob");
        disable(bob.userId());
        expectMeAnswered(bob.accessToken(), 401);

        client().enableUser(admin(), bob.userId());

        expectMeAnswered(bob.accessToken(), 200);
        signIn(bob.username(), "password-" + bob.username()).expectStatus().isOk();
    }

    @Test
    void disablingADisabledAccountChangesNothing() {
        Account bob = signUp("bob");
        disable(bob.userId());

        disable(bob.userId());

        expectMeAnswered(bob.accessToken(), 401);
        signIn(bob.username(), "password-" + bob.username()).expectStatus().isForbidden();
    }

    @Test
    void onlyAnAdministratorDisablesOrEnablesAccounts() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");

        for (String mutation : new String[] {"disableUser", "enableUser"}) {
            expectError(
                    graphQl(alice)
                            .documentName(mutation)
                            .variable("userId", bob.userId())
                            .execute(),
                    ErrorType.FORBIDDEN);
        }
        expectMeAnswered(bob.accessToken(), 200);
    }

    @Test
    void administratorCannotDisableTheirOwnAccount() {
        Account admin = admin();

        expectError(
                graphQl(admin)
                        .documentName("disableUser")
                        .variable("userId", admin.userId())
                        .execute(),
                ErrorType.BAD_REQUEST);
        expectMeAnswered(admin.accessToken(), 200);
    }

    @Test
    void unknownUserIsNotFound() {
        expectError(
                graphQl(admin())
                        .documentName("disableUser")
                        .variable("userId", "no-such-user")
                        .execute(),
                ErrorType.NOT_FOUND);
    }

    private Account admin() {
        return client().signUpOnce(IdentitySettings.ADMIN);
    }

    private void disable(String userId) {
        client().disableUser(admin(), userId);
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return http().post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private void expectMeAnswered(String accessToken, int status) {
        expectMeAnswered("Authorization", "Bearer " + accessToken, status);
    }

    private void expectMeWithKey(String key, int status) {
        expectMeAnswered("x-api-key", key, status);
    }
}

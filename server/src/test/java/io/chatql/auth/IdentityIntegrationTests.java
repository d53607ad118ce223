package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-up, sign-in, refresh and sign-out of the built-in identity, and the tokens it issues. */
abstract class IdentityIntegrationTests extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void signedUpUserIsThereAtOnce() {
        Account alice = signUp("alice");

        graphQl(alice)
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("me.cognitoId")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("me.username")
                .entity(String.class)
                .isEqualTo(alice.username())
                .path("me.registered")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void signUpConfirmsAtOnceWithoutAMailServer() {
        String username = uniqueName("dave");

        signUp(Map.of("username", username, "email", "dave@example.com", "password", "correct horse"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.confirmed")
                .isEqualTo(true)
                .jsonPath("$.userId")
                .isNotEmpty();
    }

    @Test
    void accessTokenIsAnRs256JwtVerifiedByThePublishedKeys() throws Exception {
        Account alice = signUp("alice");
        String jwks = http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        SignedJWT token = SignedJWT.parse(alice.accessToken());
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(alice.userId());
        assertThat(token.getJWTClaimsSet().getStringClaim("username")).isEqualTo(alice.username());
        assertThat(key.isPrivate()).isFalse();
    }

    @Test
    void signInAnswersWithBearerTokens() {
        Account alice = signUp("alice");

        signIn(alice.username(), "password-" + alice.username())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tokenType")
                .isEqualTo("Bearer")
                .jsonPath("$.expiresIn")
                .isEqualTo(3600)
                .jsonPath("$.accessToken")
                .isNotEmpty()
                .jsonPath("$.refreshToken")
                .isNotEmpty();
    }

    @Test
    void usernameIsMatchedIgnoringCase() {
        Account alice = signUp("alice");

        signIn(alice.username().toUpperCase(), "password-" + alice.username())
                .expectStatus()
                .isOk();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Account alice = signUp("alice");

        String wrongPassword = signIn(alice.username(), "not-the-password")
                .expectStatus()
                .isUnauthorized()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String unknownUser = signIn(uniqueName("nobody"), "not-the-password")
                .expectStatus()
                .isUnauthorized()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(wrongPassword).isEqualTo(unknownUser).contains("incorrect username or password");
    }

    @Test
    void fiveFailedSignInsLockTheUsernameEvenForTheRightPassword() {
        Account alice = signUp("alice");
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(alice.username(), "not-the-password").expectStatus().isUnauthorized();
        }

        signIn(alice.username(), "password-" + alice.username())
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("too_many_attempts")
                .jsonPath("$.message")
                .isNotEmpty();
    }

    @Test
    void unknownUsernameIsLockedAlike() {
        String nobody = uniqueName("nobody");
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(nobody, "not-the-password").expectStatus().isUnauthorized();
        }

        signIn(nobody, "not-the-password").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void successfulSignInClearsTheFailuresOfItsUsername() {
        Account alice = signUp("alice");
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                signIn(alice.username(), "not-the-password").expectStatus().isUnauthorized();
            }
            signIn(alice.username(), "password-" + alice.username())
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void refreshRotatesAndAUsedTokenIsRefused() {
        Account alice = signUp("alice");

        Map<?, ?> rotated = refresh(alice.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(rotated.get("refreshToken")).isNotEqualTo(alice.refreshToken());
        graphQl(new Account(alice.userId(), alice.username(), (String) rotated.get("accessToken"), ""))
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(alice.userId());

        refresh(alice.refreshToken()).expectStatus().isUnauthorized();
        refresh((String) rotated.get("refreshToken")).expectStatus().isUnauthorized();
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        Account alice = signUp("alice");

        http().post()
                .uri("/auth/sign-out")
                .bodyValue(Map.of("refreshToken", alice.refreshToken()))
                .exchange()
                .expectStatus()
                .isNoContent();

        refresh(alice.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        Account alice = signUp("alice");

        String hash = jdbc.sql("select password_hash from credential where user_id = ?")
                .param(alice.userId())
                .query(String.class)
                .single();

        assertThat(hash).startsWith("$2").doesNotContain(alice.username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a-name-that-is-longer-than-32-chars", "with space", "<b>bold</b>", "tab\tname", ""})
    void invalidUsernameIsABadRequest(String username) {
        expectBadRequest(Map.of("username", username, "email", "x@example.com", "password", "long enough"));
    }

    @Test
    void shortPasswordIsABadRequest() {
        expectBadRequest(Map.of("username", uniqueName("eve"), "email", "x@example.com", "password", "short12"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"not-an-email", "a@b", "<script>@example.com", "line\nbreak@example.com", "a b@example.com"})
    void invalidEmailIsABadRequest(String email) {
        expectBadRequest(Map.of("username", uniqueName("eve"), "email", email, "password", "long enough"));
    }

    @Test
    void takenUsernameIgnoringCaseIsAConflict() {
        Account alice = signUp("alice");

        signUp(Map.of("username", alice.username().toUpperCase(), "email", "x@example.com", "password", "long enough"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("conflict");
    }

    @Test
    void malformedBodyIsABadRequestWithoutStackTrace() {
        http().post()
                .uri("/auth/sign-up")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("invalid_request").doesNotContain("Exception"));
    }

    @Test
    void unsignedTokenIsRefused() {
        Account alice = signUp("alice");
        String claims = alice.accessToken().split("\\.")[1];
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        http().post()
                .uri("/graphql")
                .header("Authorization", header + "." + claims + ".")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void forgotPasswordWithoutAMailServerAnswersTheSameWhetherOrNotTheUserExists() {
        Account alice = signUp("alice");

        byte[] known = forgotPassword(alice.username());
        byte[] unknown = forgotPassword(uniqueName("nobody"));

        assertThat(known).isEqualTo(unknown);
    }

    @Test
    void changedPasswordSignsInAndEndsEverySession() {
        Account alice = signUp("alice");

        changePassword(alice, "password-" + alice.username(), "a new password")
                .expectStatus()
                .isNoContent();

        signIn(alice.username(), "password-" + alice.username()).expectStatus().isUnauthorized();
        signIn(alice.username(), "a new password").expectStatus().isOk();
        refresh(alice.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void passwordIsNotChangedWithoutTheOldOne() {
        Account alice = signUp("alice");

        changePassword(alice, "not-the-password", "a new password")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.message")
                .isEqualTo("the old password is incorrect");

        signIn(alice.username(), "password-" + alice.username()).expectStatus().isOk();
    }

    @Test
    void shortNewPasswordIsABadRequest() {
        Account alice = signUp("alice");

        changePassword(alice, "password-" + alice.username(), "short12")
                .expectStatus()
                .isBadRequest();

        signIn(alice.username(), "password-" + alice.username()).expectStatus().isOk();
    }

    @Test
    void changingAPasswordNeedsAnAccessToken() {
        http().post()
                .uri("/auth/change-password")
                .bodyValue(Map.of("oldPassword", "anything at all", "newPassword", "a new password"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private byte[] forgotPassword(String username) {
        return http().post()
                .uri("/auth/forgot-password")
                .bodyValue(Map.of("username", username))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
    }

    private WebTestClient.ResponseSpec changePassword(Account account, String oldPassword, String newPassword) {
        return http().post()
                .uri("/auth/change-password")
                .header("Authorization", "Bearer " + account.accessToken())
                .bodyValue(Map.of("oldPassword", oldPassword, "newPassword", newPassword))
                .exchange();
    }

    private void expectBadRequest(Map<String, String> body) {
        signUp(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request")
                .jsonPath("$.message")
                .isNotEmpty();
    }

    private WebTestClient.ResponseSpec signUp(Map<String, String> body) {
        return http().post().uri("/auth/sign-up").bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return http().post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http().post()
                .uri("/auth/refresh")
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }
}

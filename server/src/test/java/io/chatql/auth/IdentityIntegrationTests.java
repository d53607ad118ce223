package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-up, sign-in, refresh and sign-out of the built-in identity, and the tokens it issues. */
abstract class IdentityIntegrationTests extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SigningKeys keys;

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
    void reusedRefreshTokenRevokesItsFamilyButNoOtherSignIn() {
        Account alice = signUp("alice");
        String otherSignIn = refreshTokenOf(signIn(alice.username(), "password-" + alice.username()));
        String rotated = refreshTokenOf(refresh(alice.refreshToken()));

        refresh(alice.refreshToken()).expectStatus().isUnauthorized();

        refresh(rotated).expectStatus().isUnauthorized();
        refresh(otherSignIn).expectStatus().isOk();
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

        expectRefusedAndNothingStored(header + "." + claims + ".");
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

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void forgotPasswordWithoutAMailServerLogsNoWarningPerCall(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            forgotPassword(uniqueName("nobody"));
        }

        assertThat(output.getOut()).doesNotContain("WARN").doesNotContain("password reset code");
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

    @Test
    void tokenSignedWithTheServersKeyForThisIssuerAndAudienceIsAccepted() throws Exception {
        Account alice = signUp("alice");

        createConversation(signed(claimsOf(alice).build()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.createConversation.name")
                .isEqualTo("forged");
    }

    @Test
    void tokenWithAnAlteredSignatureIsRefused() {
        Account alice = signUp("alice");
        String[] parts = alice.accessToken().split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';

        expectRefusedAndNothingStored(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void tokenWithAlteredClaimsIsRefused() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String[] parts = alice.accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(alice.userId(), bob.userId());

        expectRefusedAndNothingStored(parts[0] + "." + base64Url(claims) + "." + parts[2]);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() throws Exception {
        Account alice = signUp("alice");

        expectRefusedAndNothingStored(
                signed(claimsOf(alice).issuer("someone-else").build()));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        Account alice = signUp("alice");

        expectRefusedAndNothingStored(
                signed(claimsOf(alice).audience("another-api").build()));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Account alice = signUp("alice");
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));

        expectRefusedAndNothingStored(signed(claimsOf(alice)
                .issueTime(Date.from(twoHoursAgo))
                .expirationTime(Date.from(twoHoursAgo.plus(Duration.ofHours(1))))
                .build()));
    }

    @Test
    void tokenOfADeletedUserIsRefused() {
        Account alice = signUp("alice");
        for (String table : List.of("refresh_token", "credential")) {
            jdbc.sql("delete from " + table + " where user_id = ?")
                    .param(alice.userId())
                    .update();
        }
        jdbc.sql("delete from chat_user where id = ?").param(alice.userId()).update();

        expectRefusedAndNothingStored(alice.accessToken());
    }

    @Test
    void signUpBodyOver1MegabyteIsRefusedAndNothingIsStored() {
        String username = uniqueName("eve");
        String padding = "x".repeat(1024 * 1024);

        http().post()
                .uri("/auth/sign-up")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"email\":\"eve@example.com\","
                        + "\"password\":\"long enough\",\"padding\":\"" + padding + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        assertThat(usersNamed(username)).isZero();
    }

    /** A mutation with {@code token} gets 401 and creates nothing. */
    private void expectRefusedAndNothingStored(String token) {
        String conversationId = uniqueName("conversation");

        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "mutation { createConversation(id: \"" + conversationId + "\", name: \"forged\") { id } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(jdbc.sql("select count(*) from conversation where id = ?")
                        .param(conversationId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private WebTestClient.ResponseSpec createConversation(String token) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "mutation { createConversation(id: \"" + uniqueName("conversation")
                                + "\", name: \"forged\") { id name } }"))
                .exchange();
    }

    /** The claims the server puts in {@code account}'s access tokens, valid for an hour from now. */
    private static JWTClaimsSet.Builder claimsOf(Account account) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("chatql")
                .subject(account.userId())
                .audience("chatql")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("username", account.username());
    }

    /** {@code claims} signed with the server's own key, as the server signs its tokens. */
    private String signed(JWTClaimsSet claims) throws JOSEException {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keys.signingKey().getKeyID())
                        .build(),
                claims);
        token.sign(new RSASSASigner(keys.signingKey()));
        return token.serialize();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private long usersNamed(String username) {
        return jdbc.sql("select count(*) from chat_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private static String refreshTokenOf(WebTestClient.ResponseSpec tokens) {
        return (String) tokens.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("refreshToken");
    }

    /** Sign-up with {@code body} gets 400 with a clear error, and stores no user. */
    private void expectBadRequest(Map<String, String> body) {
        signUp(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request")
                .jsonPath("$.message")
                .isNotEmpty();

        assertThat(usersNamed(body.get("username"))).isZero();
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

package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatql.support.Account;
import io.chatql.support.AdjustableClock;
import io.chatql.support.IntegrationTest;
import io.chatql.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Roles carried in access tokens, the configured token lifetimes, the rotation of signing keys and the
 * OpenID configuration of the built-in issuer. The clock is moved forward instead of waiting.
 */
@IdentitySettings
abstract class RolesAndSigningKeysIntegrationTests extends IntegrationTest {

    private static final Duration ROTATION_PERIOD = Duration.ofHours(1);

    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

    /** More than the minute by which token timestamps may be off. */
    private static final Duration CLOCK_SKEW_ALLOWED = Duration.ofMinutes(2);

    @Autowired
    private AdjustableClock clock;

    @Autowired
    private SigningKeys signingKeys;

    @Autowired
    private UserRepository users;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void accessTokenLivesAsLongAsConfigured() throws Exception {
        Account alice = signUp("alice");

        JWTClaimsSet claims = claims(alice);

        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(ACCESS_TOKEN_LIFETIME);
        http().post()
                .uri("/auth/refresh")
                .bodyValue(Map.of("refreshToken", alice.refreshToken()))
                .exchange()
                .expectBody()
                .jsonPath("$.expiresIn")
                .isEqualTo(600);
    }

    @Test
    void accessTokenIsRefusedOnceItsLifetimeHasPassed() {
        Account alice = signUp("alice");
        expectAccepted(alice.accessToken());

        clock.advance(ACCESS_TOKEN_LIFETIME.plus(CLOCK_SKEW_ALLOWED));

        expectRefused(alice.accessToken());
    }

    @Test
    void builtInTokenCostsNoDatabaseRead() {
        Account alice = signUp("alice");
        typename(alice.accessToken()).expectStatus().isOk();

        long before = statements.count();
        typename(alice.accessToken()).expectStatus().isOk();

        assertThat(statements.count()).isEqualTo(before);
    }

    @Test
    void refreshTokenLivesAsLongAsConfigured() {
        Account alice = signUp("alice");

        Instant expiresAt = jdbc.sql("select expires_at from refresh_token where user_id = ?")
                .param(alice.userId())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();

        assertThat(Duration.between(Instant.now(), expiresAt))
                .isBetween(Duration.ofDays(2).minusMinutes(1), Duration.ofDays(2));
    }

    @Test
    void namedAccountSignsInAsAdmin() throws Exception {
        Account chief = client().signUpOnce(IdentitySettings.ADMIN);

        assertThat(claims(chief).getStringListClaim("roles")).containsExactly("user", "admin");
    }

    @Test
    void otherAccountsSignInAsUsers() throws Exception {
        Account alice = signUp("alice");

        assertThat(claims(alice).getStringListClaim("roles")).containsExactly("user");
    }

    @Test
    void renamingOneselfToTheAdminNameGrantsNothing() {
        String boss = uniqueName("boss");
        AccountRoles roles = new AccountRoles(jdbc, settingsNaming(boss));
        Account mallory = signUp("mallory");

        graphQl(mallory).documentName("createUser").variable("username", boss).execute();

        assertThat(users.findById(mallory.userId()).orElseThrow().username()).isEqualTo(boss);
        assertThat(roles.of(users.findById(mallory.userId()).orElseThrow())).containsExactly("user");
    }

    @Test
    void existingAccountNamedInTheSettingsIsAdminFromTheNextStart() {
        Account bob = signUp("bob");

        AccountRoles roles = new AccountRoles(jdbc, settingsNaming(bob.username()));

        assertThat(roles.of(users.findById(bob.userId()).orElseThrow())).containsExactly("user", "admin");
    }

    @Test
    void firstAccountIsAdminWhenNoneIsNamed() {
        AccountRoles roles = new AccountRoles(jdbc, settingsNaming(null));
        signUp("early");
        Account alice = signUp("alice");
        String first = jdbc.sql("""
                        select u.id from chat_user u join credential c on c.user_id = u.id
                        order by u.position fetch first 1 rows only""").query(String.class).single();

        assertThat(roles.of(users.findById(first).orElseThrow())).containsExactly("user", "admin");
        assertThat(roles.of(users.findById(alice.userId()).orElseThrow())).containsExactly("user");
    }

    @Test
    void newKeySignsAfterTheRotationPeriodAndTheOldOneVerifiesUntilItsTokensExpire() throws Exception {
        clock.advance(ROTATION_PERIOD);
        Account alice = signUp("alice");
        String firstKey = keyIdOf(alice.accessToken());

        clock.advance(ROTATION_PERIOD.minusMinutes(1));
        String signedByFirstKey = signIn(alice);
        assertThat(keyIdOf(signedByFirstKey)).isEqualTo(firstKey);

        clock.advance(Duration.ofMinutes(1));
        String signedBySecondKey = signIn(alice);
        String secondKey = keyIdOf(signedBySecondKey);
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(publishedKeyIds()).contains(firstKey, secondKey);
        expectAccepted(signedByFirstKey);
        expectAccepted(signedBySecondKey);

        clock.advance(ACCESS_TOKEN_LIFETIME);
        assertThat(publishedKeyIds()).contains(secondKey).doesNotContain(firstKey);
        expectRefused(signedByFirstKey);
    }

    @Test
    void tokenSignedByAKeyAnotherNodeJustMadeIsAccepted() throws Exception {
        Account alice = signUp("alice");
        clock.advance(ROTATION_PERIOD);
        AuthProperties settings = settingsNaming(IdentitySettings.ADMIN);
        AccessTokens otherNode = new AccessTokens(
                new SigningKeys(jdbc, settings, clock), new AccountRoles(jdbc, settings), settings, clock);

        String token = otherNode.issue(users.findById(alice.userId()).orElseThrow());

        assertThat(signingKeys.verificationKey(keyIdOf(token))).isEmpty();
        expectAccepted(token);
    }

    @Test
    void nodesRotatingAtOnceAddOneKey() throws Exception {
        clock.advance(ROTATION_PERIOD);
        long keysBefore = storedKeys();

        List<String> signingKeyIds;
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> rotations = IntStream.range(0, 4)
                    .mapToObj(node ->
                            (Callable<String>) () -> signingKeys.signingKey().getKeyID())
                    .toList();
            signingKeyIds = new ArrayList<>();
            for (Future<String> rotation : nodes.invokeAll(rotations)) {
                signingKeyIds.add(rotation.get());
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(storedKeys()).isEqualTo(keysBefore + 1);
        assertThat(signingKeyIds).containsOnly(signingKeyIds.get(0));
    }

    @Test
    void openIdConfigurationDescribesTheIssuerAtThePublicBaseUrl() {
        http().get()
                .uri("/.well-known/openid-configuration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.issuer")
                .isEqualTo("chatql")
                .jsonPath("$.jwks_uri")
                .isEqualTo("https://chat.example.com/.well-known/jwks.json")
                .jsonPath("$.token_endpoint")
                .isEqualTo("https://chat.example.com/auth/sign-in")
                .jsonPath("$.id_token_signing_alg_values_supported[0]")
                .isEqualTo("RS256");
    }

    private static AuthProperties settingsNaming(String adminUsername) {
        return new AuthProperties(
                "chatql", ACCESS_TOKEN_LIFETIME, Duration.ofDays(2), adminUsername, ROTATION_PERIOD, null, List.of());
    }

    private long storedKeys() {
        return jdbc.sql("select count(*) from signing_key").query(Long.class).single();
    }

    private String signIn(Account account) {
        return (String) http().post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", account.username(), "password", "password-" + account.username()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("accessToken");
    }

    private List<String> publishedKeyIds() throws Exception {
        String jwks = http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private void expectAccepted(String accessToken) {
        me(accessToken).expectStatus().isOk();
    }

    private void expectRefused(String accessToken) {
        me(accessToken).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec typename(String accessToken) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange();
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange();
    }

    private static String keyIdOf(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getHeader().getKeyID();
    }

    private static JWTClaimsSet claims(Account account) throws Exception {
        return SignedJWT.parse(account.accessToken()).getJWTClaimsSet();
    }
}

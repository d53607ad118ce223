package io.chatql.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An external identity provider for tests: an RSA key whose public half a {@link JwksServer} publishes,
 * and tokens it signs with RS256, shaped as Amazon Cognito's or Keycloak's.
 */
public final class TestIssuer {

    private final String issuer;

    private final RSAKey key;

    public TestIssuer(String issuer) {
        this.issuer = issuer;
        this.key = generate();
    }

    public String issuer() {
        return issuer;
    }

    /** The public key, as a JWKS document. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A Cognito ID token: {@code aud} is the app client, the username is {@code cognito:username}. */
    public JWTClaimsSet.Builder cognitoIdToken(String subject, String username, String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(clientId)
                .claim("email_verified", true)
                .claim("token_use", "id")
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .claim("cognito:username", username)
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .issueTime(Date.from(now))
                .claim("email", username + "@example.com")
                .jwtID(UUID.randomUUID().toString())
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString());
    }

    /**
     * A Cognito access token: no {@code aud}, the app client in {@code client_id}, the username in
     * {@code username}.
     */
    public JWTClaimsSet.Builder cognitoAccessToken(String subject, String username, String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .issueTime(Date.from(now))
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("username", username);
    }

    /** A Keycloak access token: {@code aud} is {@code account}, the client in {@code azp}. */
    public JWTClaimsSet.Builder keycloakAccessToken(String subject, String username, String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(List.of("account"))
                .subject(subject)
                .claim("typ", "Bearer")
                .claim("azp", clientId)
                .claim("scope", "openid profile email")
                .claim("preferred_username", username);
    }

    /** {@code claims} signed with RS256 by this issuer's key, its key id in the header. */
    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, key);
    }

    /** {@code claims} signed by another key that claims this issuer's key id: a forgery. */
    public String forge(JWTClaimsSet.Builder claims) {
        return sign(claims, new RSAKey.Builder(generate()).keyID(key.getKeyID()).build());
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey signingKey) {
        try {
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims.build());
            token.sign(new RSASSASigner(signingKey));
            return token.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package io.chatql.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens. It is kept in the database, made by the first node to start,
 * so that a restart signs no one out and every node accepts every node's tokens.
 */
@Component
class SigningKeys {

    private static final int KEY_SIZE = 2048;

    private final RSAKey current;

    SigningKeys(JdbcClient jdbc) {
        this.current = load(jdbc);
    }

    /** The key pair that signs new tokens. */
    RSAKey current() {
        return current;
    }

    /** The public keys that verify tokens, as published at {@code /.well-known/jwks.json}. */
    JWKSet publicKeys() {
        return new JWKSet(current.toPublicJWK());
    }

    private static RSAKey load(JdbcClient jdbc) {
        return jdbc
                .sql("select key_id, private_key, public_key from signing_key order by created_at, key_id")
                .query((rs, row) ->
                        decode(rs.getString("key_id"), rs.getString("private_key"), rs.getString("public_key")))
                .list()
                .stream()
                .findFirst()
                .orElseGet(() -> create(jdbc));
    }

    private static RSAKey create(JdbcClient jdbc) {
        KeyPair pair = generate();
        String keyId = UUID.randomUUID().toString();
        try {
            jdbc.sql("insert into signing_key (key_id, private_key, public_key, created_at) values (?, ?, ?, ?)")
                    .params(
                            keyId,
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            return load(jdbc);
        }
        return rsaKey(keyId, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("RSA is not available", ex);
        }
    }

    private static RSAKey decode(String keyId, String privateKey, String publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return rsaKey(
                    keyId,
                    (RSAPublicKey) rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                    (RSAPrivateKey) rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Stored signing key " + keyId + " cannot be read", ex);
        }
    }

    private static RSAKey rsaKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }
}

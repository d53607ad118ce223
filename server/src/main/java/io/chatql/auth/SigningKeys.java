package io.chatql.auth;

import com.nimbusds.jose.jwk.JWK;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign access tokens, kept in the database so that a restart signs no one out and
 * every node signs and verifies with the same keys.
 *
 * <p>The newest key signs. Once it is older than the rotation period, the next signing makes a new
 * key of the next generation; generations are unique, so when nodes rotate at once only one key is
 * added. An older key still verifies, and is published, until the tokens it signed have expired: one
 * access-token lifetime after its successor was made.
 */
@Component
class SigningKeys {

    private static final int KEY_SIZE = 2048;

    /** Unknown key ids make this node read the keys again at most this often, in real time. */
    private static final long RELOAD_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcClient jdbc;

    private final AuthProperties properties;

    private final Clock clock;

    /** Every stored key, newest first, as last read. */
    private volatile List<StoredKey> keys;

    /** When an unknown key id last made this node read the keys, by {@link System#nanoTime()}. */
    private final AtomicLong unknownKeyReloadAt = new AtomicLong(System.nanoTime() - RELOAD_INTERVAL_NANOS);

    /** Keys already decoded, by key id: decoding is the costly part of reading them. */
    private final Map<String, RSAKey> decoded = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.keys = List.of();
        reload();
    }

    /** The key that signs new tokens, after a rotation if the newest key is due for one. */
    RSAKey signingKey() {
        StoredKey newest = reloadWithOne().get(0);
        if (!newest.createdAt().plus(properties.keyRotationPeriod()).isAfter(clock.instant())) {
            add(newest.generation() + 1);
            newest = reload().get(0);
        }
        return newest.key();
    }

    /** The public keys that verify tokens, as published at {@code /.well-known/jwks.json}. */
    JWKSet publicKeys() {
        return new JWKSet(verifying(reloadWithOne()).stream()
                .map(key -> (JWK) key.key().toPublicJWK())
                .toList());
    }

    /** The key with {@code keyId} if it still verifies tokens, as this node last read the keys. */
    Optional<RSAKey> verificationKey(String keyId) {
        return find(keyId, keys);
    }

    /**
     * Like {@link #verificationKey}, reading the keys again first, so that a key another node made is
     * found; unknown key ids, which anyone can send, make it read at most once a second. Blocks on the
     * database.
     */
    Optional<RSAKey> reloadedVerificationKey(String keyId) {
        long last = unknownKeyReloadAt.get();
        long now = System.nanoTime();
        boolean mayReload = now - last >= RELOAD_INTERVAL_NANOS && unknownKeyReloadAt.compareAndSet(last, now);
        List<StoredKey> current = mayReload ? reload() : keys;
        return find(keyId, current);
    }

    private Optional<RSAKey> find(String keyId, List<StoredKey> stored) {
        return verifying(stored).stream()
                .filter(key -> key.key().getKeyID().equals(keyId))
                .map(StoredKey::key)
                .findFirst();
    }

    /** The newest key, and each older one whose successor was made less than a token lifetime ago. */
    private List<StoredKey> verifying(List<StoredKey> stored) {
        Instant now = clock.instant();
        List<StoredKey> verifying = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            if (i == 0
                    || stored.get(i - 1)
                            .createdAt()
                            .plus(properties.accessTokenLifetime())
                            .isAfter(now)) {
                verifying.add(stored.get(i));
            }
        }
        return verifying;
    }

    /**
     * The stored keys, after making the first when there is none: when the first token is signed or
     * the keys are first published, rather than at the start, which this slow generation would delay.
     */
    private List<StoredKey> reloadWithOne() {
        List<StoredKey> stored = reload();
        if (!stored.isEmpty()) {
            return stored;
        }
        add(1);
        return reload();
    }

    private List<StoredKey> reload() {
        List<StoredKey> stored = jdbc.sql("""
                        select key_id, generation, private_key, public_key, created_at from signing_key
                        order by generation desc""")
                .query((rs, row) -> storedKey(
                        rs.getString("key_id"),
                        rs.getString("private_key"),
                        rs.getString("public_key"),
                        rs.getInt("generation"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        keys = stored;
        return stored;
    }

    private StoredKey storedKey(String keyId, String privateKey, String publicKey, int generation, Instant createdAt) {
        return new StoredKey(
                decoded.computeIfAbsent(keyId, id -> decode(id, privateKey, publicKey)), generation, createdAt);
    }

    /**
     * Adds a key of {@code generation}, unless another node has just added it. Its time is stored in
     * whole milliseconds, which every database keeps exactly.
     */
    private void add(int generation) {
        KeyPair pair = generate();
        try {
            jdbc.sql("""
                            insert into signing_key (key_id, generation, private_key, public_key, created_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(
                            UUID.randomUUID().toString(),
                            generation,
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                            OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another node added this generation first; its key is used.
        }
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
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))))
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .build();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Stored signing key " + keyId + " cannot be read", ex);
        }
    }

    private record StoredKey(RSAKey key, int generation, Instant createdAt) {}
}

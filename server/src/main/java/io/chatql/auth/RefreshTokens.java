package io.chatql.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque, single-use refresh tokens. Only their SHA-256 hashes are stored. Each exchange uses the token
 * up and issues the next one of the same family; a used token presented again revokes its family.
 */
@Component
class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;

    private final AuthProperties properties;

    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new token for {@code userId}, starting a new family. */
    String issue(String userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    /**
     * Uses {@code token} up and returns its holder and family, or empty when the token is unknown,
     * expired, revoked or already used (in which case its whole family is revoked).
     */
    Optional<Holder> use(String token) {
        String hash = Sha256.hex(token);
        Optional<StoredToken> stored = jdbc.sql(
                        "select user_id, family_id, expires_at, used, revoked from refresh_token where token_hash = ?")
                .param(hash)
                .query((rs, row) -> new StoredToken(
                        new Holder(rs.getString("user_id"), rs.getString("family_id")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("used"),
                        rs.getBoolean("revoked")))
                .optional();
        if (stored.isEmpty()
                || stored.get().revoked()
                || stored.get().expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        int marked = jdbc.sql("update refresh_token set used = true where token_hash = ? and used = false")
                .param(hash)
                .update();
        if (marked == 0) {
            revokeFamily(stored.get().holder().familyId());
            return Optional.empty();
        }
        return Optional.of(stored.get().holder());
    }

    /** The next token of {@code holder}'s family. */
    String rotate(Holder holder) {
        return issue(holder.userId(), holder.familyId());
    }

    /** Revokes the family of {@code token}; an unknown token changes nothing. */
    void revoke(String token) {
        jdbc.sql("select family_id from refresh_token where token_hash = ?")
                .param(Sha256.hex(token))
                .query(String.class)
                .optional()
                .ifPresent(this::revokeFamily);
    }

    /** Revokes every token of {@code userId}, signing it out everywhere. */
    void revokeAllOf(String userId) {
        jdbc.sql("update refresh_token set revoked = true where user_id = ? and revoked = false")
                .param(userId)
                .update();
    }

    private void revokeFamily(String familyId) {
        jdbc.sql("update refresh_token set revoked = true where family_id = ?")
                .param(familyId)
                .update();
    }

    private String issue(String userId, String familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into refresh_token (token_hash, user_id, family_id, expires_at, used, revoked)
                        values (?, ?, ?, ?, false, false)""")
                .params(
                        Sha256.hex(token),
                        userId,
                        familyId,
                        OffsetDateTime.now(ZoneOffset.UTC).plus(properties.refreshTokenLifetime()))
                .update();
        return token;
    }

    /** Whom a refresh token was issued to, and the family it belongs to. */
    record Holder(String userId, String familyId) {}

    private record StoredToken(Holder holder, Instant expiresAt, boolean used, boolean revoked) {}
}

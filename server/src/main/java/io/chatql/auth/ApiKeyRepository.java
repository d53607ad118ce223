package io.chatql.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for API keys, which are found by the SHA-256 hash of the key. */
@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String keyHash, String createdBy) {
        jdbc.sql("""
                        insert into api_key (id, name, key_hash, user_id, created_by, created_at, expires_at, revoked)
                        values (?, ?, ?, ?, ?, ?, ?, false)""")
                .params(
                        key.id(),
                        key.name(),
                        keyHash,
                        key.userId(),
                        createdBy,
                        timestamp(Instant.parse(key.createdAt())),
                        timestamp(Instant.parse(key.expiresAt())))
                .update();
    }

    /** The bot user and expiry of the unrevoked key with {@code keyHash}. */
    Optional<ActiveKey> findActive(String keyHash) {
        return jdbc.sql("select user_id, expires_at from api_key where key_hash = ? and revoked = false")
                .param(keyHash)
                .query((rs, row) -> new ActiveKey(rs.getString("user_id"), instant(rs, "expires_at")))
                .optional();
    }

    /** Every key, newest first. */
    List<ApiKey> findAll() {
        return jdbc.sql("""
                        select id, name, user_id, created_at, expires_at, revoked from api_key
                        order by created_at desc, id""").query((rs, row) -> apiKey(rs)).list();
    }

    /** Revokes the key with {@code id}; returns it, or empty when there is none. */
    Optional<RevokedKey> revoke(String id) {
        jdbc.sql("update api_key set revoked = true where id = ?").param(id).update();
        return jdbc.sql("""
                        select id, name, key_hash, user_id, created_at, expires_at, revoked from api_key
                        where id = ?""")
                .param(id)
                .query((rs, row) -> new RevokedKey(apiKey(rs), rs.getString("key_hash")))
                .optional();
    }

    private static ApiKey apiKey(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("user_id"),
                instant(rs, "created_at").toString(),
                instant(rs, "expires_at").toString(),
                rs.getBoolean("revoked"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What checking a key needs. */
    record ActiveKey(String userId, Instant expiresAt) {}

    record RevokedKey(ApiKey apiKey, String keyHash) {}
}

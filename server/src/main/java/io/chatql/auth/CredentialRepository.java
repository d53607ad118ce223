package io.chatql.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for credentials: e-mail, password hash and confirmation of each built-in user. */
@Repository
class CredentialRepository {

    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String userId, String email, String passwordHash, boolean confirmed) {
        jdbc.sql("insert into credential (user_id, email, password_hash, confirmed) values (?, ?, ?, ?)")
                .params(userId, email, passwordHash, confirmed)
                .update();
    }

    Optional<Credential> find(String userId) {
        return jdbc.sql("select email, password_hash, confirmed from credential where user_id = ?")
                .param(userId)
                .query((rs, row) -> new Credential(
                        rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("confirmed")))
                .optional();
    }

    void confirm(String userId) {
        jdbc.sql("update credential set confirmed = true where user_id = ?")
                .param(userId)
                .update();
    }

    void updatePasswordHash(String userId, String passwordHash) {
        jdbc.sql("update credential set password_hash = ? where user_id = ?")
                .params(passwordHash, userId)
                .update();
    }

    record Credential(String email, String passwordHash, boolean confirmed) {}
}

package io.chatql.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for credentials: e-mail and password hash of each built-in user. */
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

    Optional<String> passwordHashOf(String userId) {
        return jdbc.sql("select password_hash from credential where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }
}

package io.chatql.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for external identities: which user each external issuer's subject is. */
@Repository
class ExternalIdentityRepository {

    private final JdbcClient jdbc;

    ExternalIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> userIdOf(String issuer, String subject) {
        return jdbc.sql("select user_id from external_identity where issuer = ? and subject = ?")
                .params(issuer, subject)
                .query(String.class)
                .optional();
    }

    void insert(String issuer, String subject, String userId) {
        jdbc.sql("insert into external_identity (issuer, subject, user_id) values (?, ?, ?)")
                .params(issuer, subject, userId)
                .update();
    }
}

package io.chatql.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for disabled accounts: an account is disabled while it has a row. */
@Repository
class DisabledAccountRepository {

    private final JdbcClient jdbc;

    DisabledAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isDisabled(String userId) {
        return jdbc.sql("select count(*) from disabled_account where user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(String userId, String disabledBy) {
        jdbc.sql("insert into disabled_account (user_id, disabled_by, disabled_at) values (?, ?, ?)")
                .params(userId, disabledBy, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    void delete(String userId) {
        jdbc.sql("delete from disabled_account where user_id = ?").param(userId).update();
    }
}

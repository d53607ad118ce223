package io.chatql.auth;

import io.chatql.user.User;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which accounts are administrators: the one named by {@code chatql.auth.admin-username}, or, when
 * that is not set, the first account signed up. The named account is granted the role, for good, when
 * it signs up, or at start-up if it exists already, so that renaming oneself later grants nothing.
 */
@Component
class AccountRoles {

    private final JdbcClient jdbc;

    private final AuthProperties properties;

    AccountRoles(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        namedAdmin()
                .ifPresent(username -> jdbc.sql("""
                        select u.id from chat_user u join credential c on c.user_id = u.id
                        where u.username_key = ?""")
                        .param(username.toLowerCase(Locale.ROOT))
                        .query(String.class)
                        .optional()
                        .ifPresent(this::grantAdmin));
    }

    /** The roles {@code user} signs in with. */
    List<String> of(User user) {
        return isAdmin(user) ? List.of(Roles.USER, Roles.ADMIN) : List.of(Roles.USER);
    }

    /** Grants {@code admin} to a new account that has the configured admin username. */
    void grantAtSignUp(User user) {
        if (namedAdmin().filter(user.username()::equalsIgnoreCase).isPresent()) {
            grantAdmin(user.id());
        }
    }

    private boolean isAdmin(User user) {
        boolean granted = jdbc.sql("select count(*) from user_role where user_id = ? and role = ?")
                        .params(user.id(), Roles.ADMIN)
                        .query(Integer.class)
                        .single()
                > 0;
        return granted || (namedAdmin().isEmpty() && isFirstAccount(user));
    }

    private boolean isFirstAccount(User user) {
        return jdbc.sql("""
                        select c.user_id from credential c join chat_user u on u.id = c.user_id
                        order by u.position fetch first 1 rows only""")
                .query(String.class)
                .optional()
                .filter(user.id()::equals)
                .isPresent();
    }

    private void grantAdmin(String userId) {
        try {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)")
                    .params(userId, Roles.ADMIN)
                    .update();
        } catch (DuplicateKeyException alreadyGranted) {
            // Granted at an earlier start.
        }
    }

    private Optional<String> namedAdmin() {
        return Optional.ofNullable(properties.adminUsername()).filter(name -> !name.isBlank());
    }
}

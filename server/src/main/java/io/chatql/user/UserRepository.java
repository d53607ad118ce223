package io.chatql.user;

import io.chatql.system.ConflictException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for users. */
@Repository
public class UserRepository {

    private static final RowMapper<User> USER =
            (rs, row) -> new User(rs.getString("id"), rs.getString("username"), rs.getBoolean("registered"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a user; refuses a username that is taken, ignoring case. */
    public void insert(User user) {
        try {
            jdbc.sql("""
                            insert into chat_user (id, username, username_key, registered, created_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(
                            user.id(),
                            user.username(),
                            Usernames.key(user.username()),
                            user.registered(),
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException ex) {
            throw usernameTaken(user.username());
        }
    }

    /** Sets the username and marks the user registered; refuses a username that is taken. */
    void register(String id, String username) {
        try {
            jdbc.sql("update chat_user set username = ?, username_key = ?, registered = true where id = ?")
                    .params(username, Usernames.key(username), id)
                    .update();
        } catch (DuplicateKeyException ex) {
            throw usernameTaken(username);
        }
    }

    public Optional<User> findById(String id) {
        return jdbc.sql("select id, username, registered from chat_user where id = ?")
                .param(id)
                .query(USER)
                .optional();
    }

    /**
     * The user, read under a lock on its row that is held until the transaction ends, so that what
     * changes one user's account is done one at a time.
     */
    public Optional<User> lockById(String id) {
        return jdbc.sql("select id, username, registered from chat_user where id = ? for update")
                .param(id)
                .query(USER)
                .optional();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select id, username, registered from chat_user where username_key = ?")
                .param(Usernames.key(username))
                .query(USER)
                .optional();
    }

    /** The users with these usernames, ignoring case. */
    public List<User> findAllByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, username, registered from chat_user where username_key in (:keys)")
                .param("keys", usernames.stream().map(Usernames::key).distinct().toList())
                .query(USER)
                .list();
    }

    public List<User> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, username, registered from chat_user where id in (:ids)")
                .param("ids", ids)
                .query(USER)
                .list();
    }

    /** Users in sign-up order, starting after the one at {@code afterPosition}. */
    List<PositionedUser> findPage(@Nullable Long afterPosition, int limit) {
        return jdbc.sql("""
                        select id, username, registered, position from chat_user
                        where position > :after order by position fetch first :limit rows only""")
                .param("after", afterPosition == null ? 0L : afterPosition)
                .param("limit", limit)
                .query((rs, row) -> new PositionedUser(USER.mapRow(rs, row), rs.getLong("position")))
                .list();
    }

    Optional<Long> positionOf(String id) {
        return jdbc.sql("select position from chat_user where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    private static ConflictException usernameTaken(String username) {
        return new ConflictException("username '" + username + "' is already taken");
    }

    record PositionedUser(User user, long position) {}
}

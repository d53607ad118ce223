package io.chatql.safety;

import io.chatql.user.User;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for blocks: one row for each user a blocker blocked. */
@Repository
class UserBlockRepository {

    private final JdbcClient jdbc;

    UserBlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the block; a block stored already is refused as a duplicate key. */
    void insert(String blockerId, String blockedId) {
        jdbc.sql("insert into user_block (blocker_id, blocked_id, blocked_at) values (?, ?, ?)")
                .params(blockerId, blockedId, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    void delete(String blockerId, String blockedId) {
        jdbc.sql("delete from user_block where blocker_id = ? and blocked_id = ?")
                .params(blockerId, blockedId)
                .update();
    }

    boolean isBlocked(String blockerId, String blockedId) {
        return jdbc.sql("select count(*) from user_block where blocker_id = ? and blocked_id = ?")
                        .params(blockerId, blockedId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Those of {@code userIds} whom {@code blockerId} blocked. */
    Set<String> blockedAmong(String blockerId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select blocked_id from user_block where blocker_id = :blocker and blocked_id in (:ids)")
                        .param("blocker", blockerId)
                        .param("ids", userIds)
                        .query(String.class)
                        .list());
    }

    /** The users {@code blockerId} blocked, the latest first. */
    List<User> findBlocked(String blockerId) {
        return jdbc.sql("""
                        select u.id, u.username, u.registered from user_block b join chat_user u on u.id = b.blocked_id
                        where b.blocker_id = ? order by b.blocker_id desc, b.position desc""")
                .param(blockerId)
                .query((rs, row) -> new User(rs.getString("id"), rs.getString("username"), rs.getBoolean("registered")))
                .list();
    }
}

package io.chatql.presence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for what presence stores: when each user was last seen, and whether they show it. */
@Repository
class PresenceRepository {

    private final JdbcClient jdbc;

    PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of a user's presence. */
    record StoredPresence(@Nullable Instant lastSeenAt, boolean lastSeenShown) {

        /** What is known of a user never seen, who has not hidden it. */
        static final StoredPresence NONE = new StoredPresence(null, true);
    }

    /** Stores that the user was last seen at {@code seenAt}. */
    void recordLastSeen(String userId, Instant seenAt) {
        OffsetDateTime at = seenAt.atOffset(ZoneOffset.UTC);
        upsert(
                () -> jdbc.sql("update user_presence set last_seen_at = ? where user_id = ?")
                        .params(at, userId)
                        .update(),
                () -> jdbc.sql("insert into user_presence (user_id, last_seen_at) values (?, ?)")
                        .params(userId, at)
                        .update());
    }

    /** Stores whether the user lets others see when they were last seen. */
    void setLastSeenShown(String userId, boolean shown) {
        upsert(
                () -> jdbc.sql("update user_presence set show_last_seen = ? where user_id = ?")
                        .params(shown, userId)
                        .update(),
                () -> jdbc.sql("insert into user_presence (user_id, show_last_seen) values (?, ?)")
                        .params(userId, shown)
                        .update());
    }

    /** Whether the user lets others see when they were last seen; they do unless they said not to. */
    boolean isLastSeenShown(String userId) {
        return jdbc.sql("select show_last_seen from user_presence where user_id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** What is stored of the presence of those of {@code userIds} that have a row, by user. */
    Map<String, StoredPresence> findAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<String, StoredPresence>> rows = jdbc.sql(
                        "select user_id, last_seen_at, show_last_seen from user_presence where user_id in (:ids)")
                .param("ids", userIds)
                .query((rs, row) -> {
                    OffsetDateTime seenAt = rs.getObject("last_seen_at", OffsetDateTime.class);
                    return Map.entry(
                            rs.getString("user_id"),
                            new StoredPresence(
                                    seenAt == null ? null : seenAt.toInstant(), rs.getBoolean("show_last_seen")));
                })
                .list();
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Updates the user's row, or inserts it when there is none; a row inserted meanwhile, by another
     * node, is updated instead.
     */
    private static void upsert(Write update, Write insert) {
        if (update.rows() > 0) {
            return;
        }
        try {
            insert.rows();
        } catch (DuplicateKeyException insertedMeanwhile) {
            update.rows();
        }
    }

    @FunctionalInterface
    private interface Write {
        int rows();
    }
}

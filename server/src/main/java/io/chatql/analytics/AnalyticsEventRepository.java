package io.chatql.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for stored events: adding them, reading those not yet rolled up, and purging old ones. */
@Repository
class AnalyticsEventRepository {

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    AnalyticsEventRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Stores the events, received at {@code receivedAt}, in one batch. */
    void insertAll(List<AnalyticsEvent> events, Instant receivedAt) {
        OffsetDateTime received = utc(receivedAt);
        batches.batchUpdate(
                """
                insert into analytics_event
                    (source, event_type, user_id, occurred_at, received_at, session_id, attributes, duration_ms)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                events.stream()
                        .map(event -> new Object[] {
                            event.source().name().toLowerCase(Locale.ROOT),
                            event.type(),
                            event.userId(),
                            utc(event.occurredAt()),
                            received,
                            event.sessionId(),
                            event.attributes(),
                            event.durationMs()
                        })
                        .toList());
    }

    /** The oldest stored events not yet rolled up, at most {@code limit}. */
    List<PendingEvent> pending(int limit) {
        return jdbc.sql("""
                        select id, source, event_type, user_id, occurred_at, duration_ms from analytics_event
                        where rolled_up = false order by rolled_up, id fetch first :limit rows only""")
                .param("limit", limit)
                .query((rs, row) -> new PendingEvent(
                        rs.getLong("id"),
                        "client".equals(rs.getString("source")),
                        rs.getString("event_type"),
                        rs.getString("user_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("duration_ms")))
                .list();
    }

    /** Marks exactly these events rolled up, by id: others may have committed in between. */
    void markRolledUp(List<PendingEvent> events) {
        batches.batchUpdate(
                "update analytics_event set rolled_up = true where id = ?",
                events.stream().map(event -> new Object[] {event.id()}).toList());
    }

    /** Deletes the rolled-up events that occurred before {@code cutoff}, returning how many. */
    int deleteRolledUpBefore(Instant cutoff) {
        return jdbc.sql("delete from analytics_event where occurred_at < ? and rolled_up = true")
                .param(utc(cutoff))
                .update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A stored event waiting for the roll-up.
     *
     * @param durationMs its duration, 0 without one
     */
    record PendingEvent(long id, boolean fromClient, String type, String userId, Instant occurredAt, long durationMs) {}
}

package io.chatql.timeline;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for conversations' timelines. A row names what an event was about; the message itself is
 * read from the message's own row.
 */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    TimelineRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * The position of the conversation's newest event, read under the lock on the conversation's row
     * that whatever changes it holds already.
     */
    long lockLastEvent(String conversationId) {
        return jdbc.sql("select last_event from conversation where id = ? for update")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    long lastEvent(String conversationId) {
        return jdbc.sql("select last_event from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /** Stores events, in one batch. */
    void insertAll(List<ConversationEvent> events) {
        batches.batchUpdate(
                """
                insert into conversation_event (conversation_id, position, kind, message_id, user_id, occurred_at)
                values (?, ?, ?, ?, ?, ?)""",
                events.stream()
                        .map(event -> new Object[] {
                            event.conversationId(),
                            event.position(),
                            event.kind().name(),
                            event.messageId(),
                            event.userId(),
                            OffsetDateTime.parse(event.occurredAt())
                        })
                        .toList());
    }

    void updateLastEvent(String conversationId, long position) {
        jdbc.sql("update conversation set last_event = ? where id = ?")
                .params(position, conversationId)
                .update();
    }

    /** At most {@code limit} events after {@code position}, in order, without their messages. */
    List<StoredEvent> findAfter(String conversationId, long position, int limit) {
        return jdbc.sql("""
                        select position, kind, message_id, user_id, occurred_at from conversation_event
                        where conversation_id = :conversation and position > :after
                        order by conversation_id, position fetch first :limit rows only""")
                .param("conversation", conversationId)
                .param("after", position)
                .param("limit", limit)
                .query((rs, row) -> new StoredEvent(
                        new ConversationEvent(
                                conversationId,
                                rs.getLong("position"),
                                ConversationEventKind.valueOf(rs.getString("kind")),
                                rs.getString("user_id"),
                                DateTimeFormatter.ISO_INSTANT.format(rs.getObject("occurred_at", OffsetDateTime.class)),
                                null),
                        rs.getString("message_id")))
                .list();
    }

    /** An event as stored, with the id of the message it is about. */
    record StoredEvent(ConversationEvent event, @Nullable String messageId) {}
}

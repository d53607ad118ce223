package io.chatql.timeline;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for the events of conversations' timelines other than new messages, which are their own
 * rows' events. A row names what an event was about; the message itself is read from its own row.
 */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long lastEvent(String conversationId) {
        return jdbc.sql("select last_event from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /** Stores an event that comes after {@code sequence} messages of its conversation. */
    void insert(ConversationEvent event, long sequence) {
        jdbc.sql("""
                        insert into conversation_event
                            (conversation_id, position, sequence, kind, message_id, user_id, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.conversationId(),
                        event.position(),
                        sequence,
                        event.kind().name(),
                        event.messageId(),
                        event.userId(),
                        OffsetDateTime.parse(event.occurredAt()))
                .update();
    }

    void updateLastEvent(String conversationId, long position) {
        jdbc.sql("update conversation set last_event = ? where id = ?")
                .params(position, conversationId)
                .update();
    }

    /** The last event of the conversation at or before {@code position} that is no new message. */
    Optional<Anchor> anchorAt(String conversationId, long position) {
        return jdbc.sql("""
                        select position, sequence from conversation_event
                        where conversation_id = :conversation and position <= :position
                        order by conversation_id desc, position desc fetch first 1 rows only""")
                .param("conversation", conversationId)
                .param("position", position)
                .query((rs, row) -> new Anchor(rs.getLong("position"), rs.getLong("sequence")))
                .optional();
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

    /** An event at {@code position} that came after {@code sequence} messages. */
    record Anchor(long position, long sequence) {

        /**
         * The number of messages up to {@code later}, a position at or after this one: all the events
         * between them are new messages.
         */
        long messagesUpTo(long later) {
            return sequence + later - position;
        }
    }

    /** An event as stored, with the id of the message it is about. */
    record StoredEvent(ConversationEvent event, @Nullable String messageId) {}
}

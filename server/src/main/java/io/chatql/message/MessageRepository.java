package io.chatql.message;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL for messages. Every listing is newest first, by keyset on sequence or position.
 *
 * <p>Orderings name the columns their condition fixes too: H2 reads an index in order, stopping at
 * the limit, only when the {@code order by} matches the index's leading columns; otherwise it reads
 * every row in range and sorts them.
 */
@Repository
class MessageRepository {

    private static final String COLUMNS = "conversation_id, id, sequence, position, sender, content, created_at";

    private static final RowMapper<Message> MESSAGE = (rs, row) -> new Message(
            rs.getString("conversation_id"),
            rs.getString("id"),
            rs.getLong("sequence"),
            rs.getLong("position"),
            rs.getString("sender"),
            rs.getString("content"),
            rs.getString("created_at"));

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last sequence number used in the conversation, read under a lock on the conversation's row
     * that is held until the transaction ends: posts to one conversation are serialized, so sequence
     * order is commit order.
     */
    long lockLastSequence(String conversationId) {
        return jdbc.sql("select last_sequence from conversation where id = ? for update")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /**
     * Stores the message as number {@code sequence} of its conversation; only its position, generated
     * by the database, is read back. The conversation's last sequence is written by {@link
     * #updateLastSequence}.
     */
    Message insert(String conversationId, String id, long sequence, String sender, String content, String createdAt) {
        KeyHolder position = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (conversation_id, sequence, id, sender, content, created_at, received_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(conversationId, sequence, id, sender, content, createdAt, OffsetDateTime.now(ZoneOffset.UTC))
                .update(position, "position");
        return new Message(conversationId, id, sequence, position.getKeyAs(Long.class), sender, content, createdAt);
    }

    void updateLastSequence(String conversationId, long sequence) {
        jdbc.sql("update conversation set last_sequence = ? where id = ?")
                .params(sequence, conversationId)
                .update();
    }

    Optional<Message> find(String conversationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from message where conversation_id = ? and id = ?")
                .params(conversationId, id)
                .query(MESSAGE)
                .optional();
    }

    /** Messages of a conversation, optionally of one sender, with a sequence below {@code before}. */
    List<Message> findInConversation(String conversationId, @Nullable String sender, @Nullable Long before, int limit) {
        String bySender = sender == null ? "" : " and sender = :sender";
        String senderOrder = sender == null ? "" : " sender desc,";
        var query = jdbc.sql("select " + COLUMNS + " from message where conversation_id = :conversation"
                        + bySender
                        + " and sequence < :before order by conversation_id desc," + senderOrder
                        + " sequence desc fetch first :limit rows only")
                .param("conversation", conversationId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit);
        if (sender != null) {
            query = query.param("sender", sender);
        }
        return query.query(MESSAGE).list();
    }

    /** Messages of a conversation with a sequence above {@code after}, oldest first. */
    List<Message> findAfter(String conversationId, long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from message where conversation_id = :conversation"
                        + " and sequence > :after order by conversation_id, sequence fetch first :limit rows only")
                .param("conversation", conversationId)
                .param("after", after)
                .param("limit", limit)
                .query(MESSAGE)
                .list();
    }

    /** The sequence of the newest message of the conversation, 0 when it has none. */
    long lastSequence(String conversationId) {
        return jdbc.sql("select last_sequence from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /**
     * Messages of {@code sender} with a position below {@code before}, in the conversations that
     * {@code viewerId} is in.
     */
    List<Message> findBySender(String sender, String viewerId, @Nullable Long before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from message m where m.sender = :sender and m.position < :before"
                        + " and exists (select 1 from user_conversation v"
                        + " where v.user_id = :viewer and v.conversation_id = m.conversation_id)"
                        + " order by m.sender desc, m.position desc fetch first :limit rows only")
                .param("sender", sender)
                .param("viewer", viewerId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(MESSAGE)
                .list();
    }
}

package io.chatql.message;

import io.chatql.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
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
 * every row in range and sorts them. The listings that show messages join their authors and the
 * messages they answer to the page they have chosen, so that a page costs one statement however
 * much of it is shown.
 */
@Repository
class MessageRepository {

    private static final String COLUMNS = "conversation_id, id, sequence, position, sender, content, created_at,"
            + " edited_at, deleted, reply_to, mentions";

    private static final String SHOWN = "m.conversation_id, m.id, m.sequence, m.position, m.sender, m.content,"
            + " m.created_at, m.edited_at, m.deleted, m.reply_to, m.mentions,"
            + " a.username as a_username, a.registered as a_registered,"
            + " r.id as r_id, r.sequence as r_sequence, r.position as r_position, r.sender as r_sender,"
            + " r.content as r_content, r.created_at as r_created_at, r.edited_at as r_edited_at,"
            + " r.deleted as r_deleted, r.reply_to as r_reply_to, r.mentions as r_mentions,"
            + " ra.username as ra_username, ra.registered as ra_registered";

    /** What {@link #SHOWN} reads, around the chosen rows {@code m}. */
    private static final String JOINED = " join chat_user a on a.id = m.sender"
            + " left join message r on r.conversation_id = m.conversation_id and r.id = m.reply_to"
            + " left join chat_user ra on ra.id = r.sender";

    private static final RowMapper<Message> MESSAGE = (rs, row) -> message(rs, "", null, null);

    private static final RowMapper<Message> SHOWN_MESSAGE = (rs, row) -> {
        Message replyTo = rs.getString("r_id") == null ? null : message(rs, "r_", author(rs, "ra_", "r_"), null);
        return message(rs, "", author(rs, "a_", ""), replyTo);
    };

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last sequence number used in the conversation, read under a lock on the conversation's row
     * that is held until the transaction ends: whatever changes a conversation's messages is
     * serialized, so sequence order is commit order.
     */
    long lockLastSequence(String conversationId) {
        return jdbc.sql("select last_sequence from conversation where id = ? for update")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /** Locks the conversation's row as {@link #lockLastSequence} does; false when there is none. */
    boolean lockConversation(String conversationId) {
        return jdbc.sql("select last_sequence from conversation where id = ? for update")
                .param(conversationId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /**
     * Stores the message as number {@code sequence} of its conversation; only its position, generated
     * by the database, is read back. The conversation's last sequence is written by {@link
     * #updateLastSequence}.
     */
    Message insert(Message message) {
        KeyHolder position = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (conversation_id, sequence, id, sender, content, created_at, received_at,
                            reply_to, mentions)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        message.conversationId(),
                        message.sequence(),
                        message.id(),
                        message.sender(),
                        message.content(),
                        message.createdAt(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        message.replyToId(),
                        String.join(" ", message.mentionIds()))
                .update(position, "position");
        return new Message(
                message.conversationId(),
                message.id(),
                message.sequence(),
                position.getKeyAs(Long.class),
                message.sender(),
                message.content(),
                message.createdAt(),
                null,
                false,
                message.replyToId(),
                message.mentionIds(),
                message.author(),
                message.replyTo());
    }

    void updateLastSequence(String conversationId, long sequence) {
        jdbc.sql("update conversation set last_sequence = ? where id = ?")
                .params(sequence, conversationId)
                .update();
    }

    /** Replaces the content and mentions of a message, keeping what it said before as a revision. */
    void edit(Message message, String content, List<String> mentionIds, OffsetDateTime at) {
        jdbc.sql("""
                        insert into message_revision (conversation_id, message_id, revision, content, replaced_at)
                        select ?, ?, coalesce(max(revision), 0) + 1, ?, ? from message_revision
                        where conversation_id = ? and message_id = ?""")
                .params(
                        message.conversationId(),
                        message.id(),
                        message.content(),
                        at,
                        message.conversationId(),
                        message.id())
                .update();
        jdbc.sql("update message set content = ?, mentions = ?, edited_at = ? where conversation_id = ? and id = ?")
                .params(content, String.join(" ", mentionIds), at, message.conversationId(), message.id())
                .update();
    }

    /**
     * Makes the message a tombstone: its content, mentions and revisions are erased, its row stays in
     * its place.
     */
    void erase(String conversationId, String id) {
        jdbc.sql("delete from message_revision where conversation_id = ? and message_id = ?")
                .params(conversationId, id)
                .update();
        jdbc.sql("update message set content = '', mentions = '', deleted = true where conversation_id = ? and id = ?")
                .params(conversationId, id)
                .update();
    }

    /** What the message said before each of its edits, oldest first. */
    List<MessageRevision> revisions(String conversationId, String id) {
        return jdbc.sql("""
                        select revision, content, replaced_at from message_revision
                        where conversation_id = ? and message_id = ? order by conversation_id, message_id, revision""")
                .params(conversationId, id)
                .query((rs, row) ->
                        new MessageRevision(rs.getInt("revision"), rs.getString("content"), instant(rs, "replaced_at")))
                .list();
    }

    Optional<Message> find(String conversationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from message where conversation_id = ? and id = ?")
                .params(conversationId, id)
                .query(MESSAGE)
                .optional();
    }

    /** The messages of one conversation that {@code ids} name, with their authors. */
    List<Message> findShown(String conversationId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SHOWN + " from message m" + JOINED
                        + " where m.conversation_id = :conversation and m.id in (:ids)")
                .param("conversation", conversationId)
                .param("ids", ids)
                .query(SHOWN_MESSAGE)
                .list();
    }

    /** Messages of a conversation, optionally of one sender, with a sequence below {@code before}. */
    List<Message> findInConversation(String conversationId, @Nullable String sender, @Nullable Long before, int limit) {
        String bySender = sender == null ? "" : " and sender = :sender";
        String senderOrder = sender == null ? "" : " sender desc,";
        var query = jdbc.sql("select " + SHOWN + " from (select * from message where conversation_id = :conversation"
                        + bySender
                        + " and sequence < :before order by conversation_id desc," + senderOrder
                        + " sequence desc fetch first :limit rows only) m" + JOINED
                        + " order by m.sequence desc")
                .param("conversation", conversationId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit);
        if (sender != null) {
            query = query.param("sender", sender);
        }
        return query.query(SHOWN_MESSAGE).list();
    }

    /** Messages of a conversation with a sequence above {@code after}, oldest first. */
    List<Message> findAfter(String conversationId, long after, int limit) {
        return jdbc.sql("select " + SHOWN + " from (select * from message where conversation_id = :conversation"
                        + " and sequence > :after order by conversation_id, sequence fetch first :limit rows only) m"
                        + JOINED + " order by m.sequence")
                .param("conversation", conversationId)
                .param("after", after)
                .param("limit", limit)
                .query(SHOWN_MESSAGE)
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
        return jdbc.sql("select " + SHOWN + " from (select * from message s where s.sender = :sender"
                        + " and s.position < :before and exists (select 1 from user_conversation v"
                        + " where v.user_id = :viewer and v.conversation_id = s.conversation_id)"
                        + " order by s.sender desc, s.position desc fetch first :limit rows only) m"
                        + JOINED + " order by m.position desc")
                .param("sender", sender)
                .param("viewer", viewerId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(SHOWN_MESSAGE)
                .list();
    }

    private static Message message(ResultSet rs, String prefix, @Nullable User author, @Nullable Message replyTo)
            throws SQLException {
        return new Message(
                rs.getString("conversation_id"),
                rs.getString(prefix + "id"),
                rs.getLong(prefix + "sequence"),
                rs.getLong(prefix + "position"),
                rs.getString(prefix + "sender"),
                rs.getString(prefix + "content"),
                rs.getString(prefix + "created_at"),
                instant(rs, prefix + "edited_at"),
                rs.getBoolean(prefix + "deleted"),
                rs.getString(prefix + "reply_to"),
                ids(rs.getString(prefix + "mentions")),
                author,
                replyTo);
    }

    private static @Nullable User author(ResultSet rs, String prefix, String messagePrefix) throws SQLException {
        String username = rs.getString(prefix + "username");
        return username == null
                ? null
                : new User(rs.getString(messagePrefix + "sender"), username, rs.getBoolean(prefix + "registered"));
    }

    private static @Nullable String instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static List<String> ids(@Nullable String spaced) {
        return spaced == null || spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
    }
}

package io.chatql.search;

import io.chatql.conversation.Conversation;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL that search reads the database with, on every database. */
@Repository
class SearchRepository {

    private static final String STORED = "conversation_id, id, position, sender, content, deleted";

    private static final RowMapper<StoredMessage> STORED_MESSAGE = (rs, row) -> new StoredMessage(
            rs.getString("conversation_id"),
            rs.getString("id"),
            rs.getLong("position"),
            rs.getString("sender"),
            rs.getString("content"),
            rs.getBoolean("deleted"));

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversations {@code userId} is a member of now, with their names. */
    List<Conversation> conversationsOf(String userId) {
        return jdbc.sql("select c.id, c.name, c.created_at from user_conversation v"
                        + " join conversation c on c.id = v.conversation_id where v.user_id = ?")
                .param(userId)
                .query((rs, row) ->
                        new Conversation(rs.getString("id"), rs.getString("name"), rs.getString("created_at")))
                .list();
    }

    /** At most {@code limit} messages that are not deleted, with a position above {@code after}, in order. */
    List<StoredMessage> storedAfter(long after, int limit) {
        return jdbc.sql("select " + STORED + " from message where position > ? and not deleted"
                        + " order by position fetch first ? rows only")
                .params(after, limit)
                .query(STORED_MESSAGE)
                .list();
    }

    /** The messages of the conversation that {@code ids} name, as they are now. */
    List<StoredMessage> current(String conversationId, Collection<String> ids) {
        return jdbc.sql("select " + STORED + " from message where conversation_id = :conversation and id in (:ids)")
                .param("conversation", conversationId)
                .param("ids", ids)
                .query(STORED_MESSAGE)
                .list();
    }

    /** The messages edited or deleted at {@code since} or later, by their conversation and id. */
    List<MessageKey> changedSince(OffsetDateTime since) {
        return jdbc.sql("select distinct e.conversation_id, e.message_id from conversation_event e"
                        + " where e.occurred_at >= ? and e.kind in ('MESSAGE_EDITED', 'MESSAGE_DELETED')")
                .param(since)
                .query((rs, row) -> new MessageKey(rs.getString("conversation_id"), rs.getString("message_id"), 0))
                .list();
    }
}

package io.chatql.reaction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for reactions: one row per message, emoji and member, numbered in the order they came. */
@Repository
class ReactionRepository {

    private final JdbcClient jdbc;

    ReactionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The emoji on a message, each with whether {@code userId} put it there. */
    List<EmojiOnMessage> emojiOn(String conversationId, String messageId, String userId) {
        return jdbc.sql("""
                        select emoji, max(case when user_id = ? then 1 else 0 end) as mine from message_reaction
                        where conversation_id = ? and message_id = ? group by emoji""")
                .params(userId, conversationId, messageId)
                .query((rs, row) -> new EmojiOnMessage(rs.getString("emoji"), rs.getInt("mine") == 1))
                .list();
    }

    void insert(String conversationId, String messageId, String emoji, String userId, OffsetDateTime at) {
        jdbc.sql("""
                        insert into message_reaction (conversation_id, message_id, emoji, user_id, reacted_at)
                        values (?, ?, ?, ?, ?)""").params(conversationId, messageId, emoji, userId, at).update();
    }

    /** Whether there was such a reaction to take back. */
    boolean delete(String conversationId, String messageId, String emoji, String userId) {
        return jdbc.sql("""
                        delete from message_reaction
                        where conversation_id = ? and message_id = ? and emoji = ? and user_id = ?""").params(conversationId, messageId, emoji, userId).update() > 0;
    }

    void deleteAllOf(String conversationId, String messageId) {
        jdbc.sql("delete from message_reaction where conversation_id = ? and message_id = ?")
                .params(conversationId, messageId)
                .update();
    }

    /**
     * Every reaction on the messages named, with the reactor's username, by message and then in the
     * order they came: one statement for a whole page.
     */
    List<Reacted> onMessages(Collection<MessageKey> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Object[]> keys = messages.stream()
                .map(key -> new Object[] {key.conversationId(), key.messageId()})
                .toList();
        return jdbc.sql("""
                        select r.conversation_id, r.message_id, r.emoji, r.user_id, u.username
                        from message_reaction r join chat_user u on u.id = r.user_id
                        where (r.conversation_id, r.message_id) in (:keys) order by r.position""")
                .param("keys", keys)
                .query((rs, row) -> new Reacted(
                        new MessageKey(rs.getString("conversation_id"), rs.getString("message_id")),
                        rs.getString("emoji"),
                        rs.getString("user_id"),
                        rs.getString("username")))
                .list();
    }

    record EmojiOnMessage(String emoji, boolean mine) {}

    record MessageKey(String conversationId, String messageId) {}

    record Reacted(MessageKey message, String emoji, String userId, String username) {}
}

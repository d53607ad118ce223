package io.chatql.reading;

import io.chatql.conversation.Conversation;
import io.chatql.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of reading. A member's unread count is the conversation's {@code last_sequence} less their
 * marker, less their own messages and the others' deleted ones after it, each counted on an index
 * range that starts at the marker; so counting costs the same however many messages are unread, and
 * nothing in a conversation read to its end.
 */
@Repository
class ReadingRepository {

    /** The read state of each membership {@code uc} of a conversation {@code c}. */
    private static final String STATES = """
            select uc.conversation_id, uc.read_sequence, r.id as read_id, c.last_sequence, c.last_event, uc.muted,
                case when c.last_sequence > uc.read_sequence then c.last_sequence - uc.read_sequence
                  - (select count(*) from message own where own.conversation_id = uc.conversation_id
                       and own.sender = uc.user_id and own.sequence > uc.read_sequence)
                  - (select count(*) from deleted_message d where d.conversation_id = uc.conversation_id
                       and d.sender <> uc.user_id and d.sequence > uc.read_sequence) else 0 end as unread,
                case when c.last_sequence > uc.read_sequence then
                  (select count(*) from message_mention mm where mm.user_id = uc.user_id
                     and mm.conversation_id = uc.conversation_id and mm.sequence > uc.read_sequence)
                  else 0 end as mentions
            from user_conversation uc
            join conversation c on c.id = uc.conversation_id
            left join message r on r.conversation_id = uc.conversation_id and r.sequence = uc.read_sequence
            where uc.user_id = :user""";

    private static final RowMapper<CountedState> STATE = (rs, row) -> new CountedState(
            new ReadState(
                    rs.getString("conversation_id"),
                    rs.getLong("read_sequence"),
                    rs.getString("read_id"),
                    rs.getLong("last_sequence"),
                    rs.getInt("unread"),
                    rs.getInt("mentions"),
                    rs.getBoolean("muted")),
            rs.getLong("last_event"));

    /** What the read state of each membership {@code uc} depends on, without counting anything. */
    private static final String VERSIONS = """
            select uc.conversation_id, uc.read_sequence, c.last_event, uc.muted
            from user_conversation uc
            join conversation c on c.id = uc.conversation_id
            where uc.user_id = :user""";

    private static final RowMapper<StateVersion> VERSION = (rs, row) -> new StateVersion(
            rs.getString("conversation_id"),
            rs.getLong("read_sequence"),
            rs.getLong("last_event"),
            rs.getBoolean("muted"));

    /**
     * The caller's memberships {@code uc}, with their conversations {@code c} and when something last
     * happened there for them: the newest message arrived, or they joined, whichever is later.
     */
    private static final String ACTIVITIES = """
            select c.id, c.name, c.created_at, uc.position,
                case when m.received_at > uc.joined_at then m.received_at else uc.joined_at end as activity
            from user_conversation uc
            join conversation c on c.id = uc.conversation_id
            left join message m on m.conversation_id = c.id and m.sequence = c.last_sequence
            where uc.user_id = :user""";

    private final JdbcClient jdbc;

    ReadingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the read state of each of the user's conversations depends on, in one statement. */
    List<StateVersion> versionsOf(String userId) {
        return jdbc.sql(VERSIONS).param("user", userId).query(VERSION).list();
    }

    /** What the read state of those of {@code conversationIds} the user is in depends on, in one statement. */
    List<StateVersion> versionsOf(String userId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(VERSIONS + " and uc.conversation_id in (:ids)")
                .param("user", userId)
                .param("ids", conversationIds)
                .query(VERSION)
                .list();
    }

    /** The read state of those of {@code conversationIds} the user is in, counted in one statement. */
    List<CountedState> count(String userId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STATES + " and uc.conversation_id in (:ids)")
                .param("user", userId)
                .param("ids", conversationIds)
                .query(STATE)
                .list();
    }

    /**
     * At most {@code limit} of the user's conversations, the latest activity first, starting after
     * {@code after}: all of them are ordered, since activity changes with every message, but a member is
     * in few enough conversations for that to cost little.
     */
    List<ListedConversation> listPage(String userId, @Nullable ActivityKey after, int limit) {
        String from =
                after == null ? "" : " where activity < :activity or (activity = :activity and position < :position)";
        var statement = jdbc.sql("select * from (" + ACTIVITIES + ") listed" + from
                        + " order by activity desc, position desc fetch first :limit rows only")
                .param("user", userId)
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("activity", after.activity()).param("position", after.position());
        }
        return statement
                .query((rs, row) -> new ListedConversation(
                        new Conversation(rs.getString("id"), rs.getString("name"), rs.getString("created_at")),
                        new ActivityKey(activity(rs), rs.getLong("position"))))
                .list();
    }

    /** When something last happened for the user in each of {@code conversationIds} they are in. */
    Map<String, OffsetDateTime> activitiesOf(String userId, Collection<String> conversationIds) {
        Map<String, OffsetDateTime> activities = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return activities;
        }
        jdbc.sql(ACTIVITIES + " and uc.conversation_id in (:ids)")
                .param("user", userId)
                .param("ids", conversationIds)
                .query(rs -> {
                    activities.put(rs.getString("id"), activity(rs));
                });
        return activities;
    }

    /**
     * The markers of the members of {@code conversationIds} who send read receipts and have read at
     * least up to {@code leastSequence}, with those members, in the order they joined.
     */
    List<Marker> receiptsOf(Collection<String> conversationIds, long leastSequence) {
        return jdbc.sql("""
                        select uc.conversation_id, uc.read_sequence, u.id, u.username, u.registered
                        from user_conversation uc join chat_user u on u.id = uc.user_id
                        where uc.conversation_id in (:ids) and uc.read_sequence >= :least and u.read_receipts = true
                        order by uc.position""")
                .param("ids", conversationIds)
                .param("least", leastSequence)
                .query((rs, row) -> new Marker(
                        rs.getString("conversation_id"),
                        new User(rs.getString("id"), rs.getString("username"), rs.getBoolean("registered")),
                        rs.getLong("read_sequence")))
                .list();
    }

    /** Moves the member's marker to {@code sequence} if it is behind it; false when it is not. */
    boolean moveMarker(String userId, String conversationId, long sequence, OffsetDateTime at) {
        return jdbc.sql("""
                        update user_conversation set read_sequence = ?, read_at = ?
                        where user_id = ? and conversation_id = ? and read_sequence < ?""")
                        .params(sequence, at, userId, conversationId, sequence)
                        .update()
                > 0;
    }

    /** Whether the user sends read receipts; empty when there is no such user. */
    Optional<Boolean> readReceipts(String userId) {
        return jdbc.sql("select read_receipts from chat_user where id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional();
    }

    void setReadReceipts(String userId, boolean enabled) {
        jdbc.sql("update chat_user set read_receipts = ? where id = ?")
                .params(enabled, userId)
                .update();
    }

    /** The members that message {@code sequence} of the conversation names. */
    List<String> mentionedIn(String conversationId, long sequence) {
        return jdbc.sql("select user_id from message_mention where conversation_id = ? and sequence = ?")
                .params(conversationId, sequence)
                .query(String.class)
                .list();
    }

    void insertMentions(String conversationId, long sequence, Collection<String> userIds) {
        for (String userId : userIds) {
            jdbc.sql("insert into message_mention (user_id, conversation_id, sequence) values (?, ?, ?)")
                    .params(userId, conversationId, sequence)
                    .update();
        }
    }

    void deleteMentions(String conversationId, long sequence) {
        jdbc.sql("delete from message_mention where conversation_id = ? and sequence = ?")
                .params(conversationId, sequence)
                .update();
    }

    void insertDeletion(String conversationId, long sequence, String sender) {
        jdbc.sql("insert into deleted_message (conversation_id, sequence, sender) values (?, ?, ?)")
                .params(conversationId, sequence, sender)
                .update();
    }

    private static OffsetDateTime activity(ResultSet rs) throws SQLException {
        return rs.getObject("activity", OffsetDateTime.class);
    }

    /**
     * What a member's read state of a conversation is a function of: their marker and the conversation's
     * last event, which every change to its messages moves (a new one, an edit, a deletion); and whether
     * they muted it, which is not counted.
     */
    record StateVersion(String conversationId, long readSequence, long lastEvent, boolean muted) {}

    /** A read state as counted, with the conversation's last event at the time. */
    record CountedState(ReadState state, long lastEvent) {}

    /** Where a conversation stands in a member's list: its activity, then the membership's position. */
    record ActivityKey(OffsetDateTime activity, long position) {}

    record ListedConversation(Conversation conversation, ActivityKey key) {}

    /** How far a member who sends read receipts has read a conversation. */
    record Marker(String conversationId, User user, long readSequence) {}
}

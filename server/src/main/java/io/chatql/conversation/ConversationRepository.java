package io.chatql.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for conversations and memberships. As in {@code MessageRepository}, orderings name the
 * columns their condition fixes too, so that H2 reads its indexes in order.
 */
@Repository
class ConversationRepository {

    private static final RowMapper<Conversation> CONVERSATION =
            (rs, row) -> new Conversation(rs.getString("id"), rs.getString("name"), rs.getString("created_at"));

    private static final RowMapper<UserConversation> MEMBERSHIP =
            (rs, row) -> new UserConversation(rs.getString("user_id"), rs.getString("conversation_id"));

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Conversation conversation, String createdBy) {
        jdbc.sql("insert into conversation (id, name, created_at, created_by) values (?, ?, ?, ?)")
                .params(conversation.id(), conversation.name(), conversation.createdAt(), createdBy)
                .update();
    }

    Set<String> membersAmong(String conversationId, Collection<String> userIds) {
        return new HashSet<>(jdbc.sql(
                        "select user_id from user_conversation where conversation_id = :conversation and user_id in (:ids)")
                .param("conversation", conversationId)
                .param("ids", userIds)
                .query(String.class)
                .list());
    }

    Optional<String> creatorOf(String conversationId) {
        return jdbc.sql("select created_by from conversation where id = ?")
                .param(conversationId)
                .query(String.class)
                .optional();
    }

    Optional<Conversation> findById(String id) {
        return jdbc.sql("select id, name, created_at from conversation where id = ?")
                .param(id)
                .query(CONVERSATION)
                .optional();
    }

    List<Conversation> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, created_at from conversation where id in (:ids)")
                .param("ids", ids)
                .query(CONVERSATION)
                .list();
    }

    /**
     * Stores the membership and returns its position, which orders memberships by arrival. The new
     * member starts with the messages already there read.
     */
    long insertMembership(UserConversation membership) {
        jdbc.sql("""
                        insert into user_conversation (user_id, conversation_id, joined_at, read_sequence)
                        values (?, ?, ?, (select last_sequence from conversation where id = ?))""")
                .params(
                        membership.userId(),
                        membership.conversationId(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        membership.conversationId())
                .update();
        return positionOf(membership.userId(), membership.conversationId()).orElseThrow();
    }

    Optional<Long> positionOf(String userId, String conversationId) {
        return jdbc.sql("select position from user_conversation where user_id = ? and conversation_id = ?")
                .params(userId, conversationId)
                .query(Long.class)
                .optional();
    }

    /** The position of the user's newest membership, 0 when it has none. */
    long lastPositionOf(String userId) {
        return jdbc.sql("select coalesce(max(position), 0) from user_conversation where user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** The memberships of {@code userId} with a position above {@code after}, oldest first. */
    List<PositionedMembership> findMembershipsAfter(String userId, long after, int limit) {
        return jdbc.sql("""
                        select user_id, conversation_id, position from user_conversation
                        where user_id = :user and position > :after order by user_id, position fetch first :limit rows only""")
                .param("user", userId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new PositionedMembership(MEMBERSHIP.mapRow(rs, row), rs.getLong("position")))
                .list();
    }

    boolean isMember(String userId, String conversationId) {
        return jdbc.sql("select count(*) from user_conversation where user_id = ? and conversation_id = ?")
                        .params(userId, conversationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The number of members of the conversation, 0 for one that does not exist. */
    int memberCount(String conversationId) {
        return jdbc.sql("select count(*) from user_conversation where conversation_id = ?")
                .param(conversationId)
                .query(Integer.class)
                .single();
    }

    /** The ids of the conversations {@code userId} is in. */
    Set<String> conversationIdsOf(String userId) {
        return new HashSet<>(jdbc.sql("select conversation_id from user_conversation where user_id = ?")
                .param(userId)
                .query(String.class)
                .list());
    }

    /** The users who share at least one conversation with {@code userId}, the user included when in any. */
    Set<String> contactsOf(String userId) {
        return new HashSet<>(jdbc.sql("""
                        select distinct other.user_id from user_conversation mine
                        join user_conversation other on other.conversation_id = mine.conversation_id
                        where mine.user_id = ?""").param(userId).query(String.class).list());
    }

    /** Those of {@code userIds} who share at least one conversation with {@code userId}. */
    Set<String> contactsAmong(String userId, Collection<String> userIds) {
        return new HashSet<>(jdbc.sql("""
                        select distinct other.user_id from user_conversation mine
                        join user_conversation other on other.conversation_id = mine.conversation_id
                        where mine.user_id = :user and other.user_id in (:ids)""")
                .param("user", userId)
                .param("ids", userIds)
                .query(String.class)
                .list());
    }

    /** Mutes or unmutes the membership; false when there is none. */
    boolean setMuted(String userId, String conversationId, boolean muted) {
        return jdbc.sql("update user_conversation set muted = ? where user_id = ? and conversation_id = ?")
                        .params(muted, userId, conversationId)
                        .update()
                > 0;
    }

    /** Those of {@code conversationIds} that {@code userId} is in and muted. */
    Set<String> mutedAmong(String userId, Collection<String> conversationIds) {
        return new HashSet<>(jdbc.sql("""
                        select conversation_id from user_conversation
                        where user_id = :user and conversation_id in (:ids) and muted = true""")
                .param("user", userId)
                .param("ids", conversationIds)
                .query(String.class)
                .list());
    }

    /** The memberships of all the given conversations, in the order their members joined. */
    List<UserConversation> findMembershipsOf(Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select user_id, conversation_id from user_conversation
                        where conversation_id in (:ids) order by position""").param("ids", conversationIds).query(MEMBERSHIP).list();
    }

    /**
     * The memberships of {@code userId}, newest first, starting before {@code beforePosition}, in the
     * conversations that {@code viewerId} is in too (all of them when the viewer is the user).
     */
    List<PositionedMembership> findMembershipsOfUser(
            String userId, String viewerId, @Nullable Long beforePosition, int limit) {
        return jdbc.sql("""
                        select m.user_id, m.conversation_id, m.position from user_conversation m
                        where m.user_id = :user and m.position < :before
                          and exists (select 1 from user_conversation v
                                      where v.user_id = :viewer and v.conversation_id = m.conversation_id)
                        order by m.user_id desc, m.position desc fetch first :limit rows only""")
                .param("user", userId)
                .param("viewer", viewerId)
                .param("before", beforePosition == null ? Long.MAX_VALUE : beforePosition)
                .param("limit", limit)
                .query((rs, row) -> new PositionedMembership(MEMBERSHIP.mapRow(rs, row), rs.getLong("position")))
                .list();
    }

    record PositionedMembership(UserConversation membership, long position) {}
}

package io.chatql.conversation;

import io.chatql.system.NotFoundException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The membership guard: every read, write and subscription of a conversation goes through it. A
 * conversation that does not exist and one the caller is not in get the same answer, so a non-member
 * learns nothing about it.
 */
@Component
public class ConversationAccess {

    private final ConversationRepository conversations;

    ConversationAccess(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** Returns normally when {@code userId} is a member of the conversation; blocks on the database. */
    public void requireMember(String userId, String conversationId) {
        if (!isMember(userId, conversationId)) {
            throw notFound(conversationId);
        }
    }

    /** The conversation, when {@code userId} is a member of it; blocks on the database. */
    public Conversation requireConversation(String userId, String conversationId) {
        requireMember(userId, conversationId);
        return conversations.findById(conversationId).orElseThrow(() -> notFound(conversationId));
    }

    /** Whether {@code userId} is a member of the conversation; blocks on the database. */
    public boolean isMember(String userId, String conversationId) {
        return conversations.isMember(userId, conversationId);
    }

    /** Those of {@code userIds} who are members of the conversation; blocks on the database. */
    public Set<String> membersAmong(String conversationId, Collection<String> userIds) {
        return userIds.isEmpty() ? Set.of() : conversations.membersAmong(conversationId, userIds);
    }

    /** The number of members of the conversation; blocks on the database. */
    public int memberCount(String conversationId) {
        return conversations.memberCount(conversationId);
    }

    /** The members of the conversation; blocks on the database. */
    public Set<String> membersOf(String conversationId) {
        return conversations.findMembershipsOf(Set.of(conversationId)).stream()
                .map(UserConversation::userId)
                .collect(Collectors.toSet());
    }

    /** The ids of the conversations {@code userId} is in; blocks on the database. */
    public Set<String> conversationIdsOf(String userId) {
        return conversations.conversationIdsOf(userId);
    }

    /**
     * The users who share a conversation with {@code userId}, and the user; blocks on the database.
     */
    public Set<String> contactsOf(String userId) {
        Set<String> contacts = conversations.contactsOf(userId);
        contacts.add(userId);
        return contacts;
    }

    /**
     * Those of {@code userIds} who share a conversation with {@code userId}, and the user if named;
     * blocks on the database.
     */
    public Set<String> contactsAmong(String userId, Collection<String> userIds) {
        Set<String> others = userIds.stream().filter(id -> !id.equals(userId)).collect(Collectors.toSet());
        Set<String> contacts = others.isEmpty() ? new HashSet<>() : conversations.contactsAmong(userId, others);
        if (userIds.contains(userId)) {
            contacts.add(userId);
        }
        return contacts;
    }

    /** The refusal of a conversation to a non-member, the same as for one that does not exist. */
    public static NotFoundException notFound(String conversationId) {
        return new NotFoundException("conversation " + conversationId + " not found");
    }
}

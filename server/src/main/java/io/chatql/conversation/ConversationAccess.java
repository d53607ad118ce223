package io.chatql.conversation;

import io.chatql.system.NotFoundException;
import java.util.Collection;
import java.util.Set;
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

    /** The refusal of a conversation to a non-member, the same as for one that does not exist. */
    public static NotFoundException notFound(String conversationId) {
        return new NotFoundException("conversation " + conversationId + " not found");
    }
}

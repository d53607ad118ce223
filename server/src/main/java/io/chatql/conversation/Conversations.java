package io.chatql.conversation;

import io.chatql.system.ConflictException;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Inputs;
import io.chatql.system.NotFoundException;
import io.chatql.user.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Creates conversations and adds members, announcing each new membership after commit. */
@Service
class Conversations {

    static final int MAX_NAME_LENGTH = 256;

    static final int MAX_CREATED_AT_LENGTH = 64;

    private final ConversationRepository conversations;

    private final ConversationAccess access;

    private final UserRepository users;

    private final AddingConsent consent;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    Conversations(
            ConversationRepository conversations,
            ConversationAccess access,
            UserRepository users,
            AddingConsent consent,
            ApplicationEventPublisher events,
            TransactionOperations transaction) {
        this.conversations = conversations;
        this.access = access;
        this.users = users;
        this.consent = consent;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * Creates the conversation with the caller as its first member. Idempotent for its creator: the
     * same id again returns the stored conversation; anyone else reusing the id is refused.
     */
    Conversation create(String callerId, String id, String name, @Nullable String createdAt) {
        Conversation conversation = new Conversation(
                Inputs.requireId("id", id),
                Inputs.requireText("name", name, MAX_NAME_LENGTH),
                createdAt == null ? null : Inputs.requireText("createdAt", createdAt, MAX_CREATED_AT_LENGTH));
        try {
            return transaction.execute(status -> createOrFind(callerId, conversation));
        } catch (DuplicateKeyException raced) {
            return transaction.execute(status -> createOrFind(callerId, conversation));
        }
    }

    private Conversation createOrFind(String callerId, Conversation conversation) {
        var creator = conversations.creatorOf(conversation.id());
        if (creator.isPresent()) {
            if (!creator.get().equals(callerId)) {
                throw new ConflictException("conversation id " + conversation.id() + " is already taken");
            }
            return conversations.findById(conversation.id()).orElseThrow();
        }
        conversations.insert(conversation, callerId);
        events.publishEvent(new ConversationCreated(conversation.id(), callerId));
        UserConversation membership = new UserConversation(callerId, conversation.id());
        events.publishEvent(new MembershipCreated(membership, conversations.insertMembership(membership)));
        return conversation;
    }

    /**
     * Adds {@code userId} to the conversation; only a member may. Adding an existing member changes
     * nothing and returns the existing membership. A user who does not consent to be added by the
     * caller ({@link AddingConsent}), such as one who blocked the caller, is refused as FORBIDDEN, "you
     * cannot add this user to a conversation": the answer names no reason, so that the caller does not
     * learn that they were blocked. A conversation is started by creating it and then adding its
     * members, so this also keeps a blocked user from starting one with whoever blocked them.
     */
    UserConversation addMember(String callerId, String conversationId, String userId) {
        UserConversation membership = new UserConversation(
                Inputs.requireId("userId", userId), Inputs.requireId("conversationId", conversationId));
        try {
            return transaction.execute(status -> addOrFind(callerId, membership));
        } catch (DuplicateKeyException raced) {
            return membership;
        }
    }

    private UserConversation addOrFind(String callerId, UserConversation membership) {
        access.requireMember(callerId, membership.conversationId());
        if (conversations.isMember(membership.userId(), membership.conversationId())) {
            return membership;
        }
        if (users.findById(membership.userId()).isEmpty()) {
            throw new NotFoundException("user " + membership.userId() + " not found");
        }
        if (!consent.consents(membership.userId(), callerId)) {
            throw new ForbiddenException("you cannot add this user to a conversation");
        }
        events.publishEvent(new MembershipCreated(membership, conversations.insertMembership(membership)));
        return membership;
    }
}

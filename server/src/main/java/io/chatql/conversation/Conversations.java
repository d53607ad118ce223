package io.chatql.conversation;

import io.chatql.system.ConflictException;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import io.chatql.user.UserRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** The most members a conversation is started with, besides its creator. */
    static final int MAX_STARTING_MEMBERS = 100;

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
        Conversation conversation = conversationOf(id, name, createdAt);
        try {
            return transaction.execute(status -> createOrFind(callerId, conversation));
        } catch (DuplicateKeyException raced) {
            return transaction.execute(status -> createOrFind(callerId, conversation));
        }
    }

    /**
     * Creates the conversation with the caller and {@code memberIds} as its members, all of them or
     * nothing: each member is checked as {@link #addMember} checks them before anything is written, so
     * a refused one, such as a user who blocked the caller, leaves no conversation behind. Idempotent
     * for its creator, as {@link #create} is.
     */
    Conversation start(String callerId, String id, String name, @Nullable String createdAt, List<String> memberIds) {
        Conversation conversation = conversationOf(id, name, createdAt);
        if (memberIds.size() > MAX_STARTING_MEMBERS) {
            throw new InvalidInputException("memberIds must name at most " + MAX_STARTING_MEMBERS + " users");
        }
        Set<String> others = new LinkedHashSet<>();
        memberIds.forEach(memberId -> others.add(Inputs.requireId("memberIds", memberId)));
        others.remove(callerId);
        try {
            return transaction.execute(status -> startOrFind(callerId, conversation, others));
        } catch (DuplicateKeyException raced) {
            return transaction.execute(status -> startOrFind(callerId, conversation, others));
        }
    }

    private Conversation startOrFind(String callerId, Conversation conversation, Set<String> others) {
        List<UserConversation> joining = others.stream()
                .filter(memberId -> !conversations.isMember(memberId, conversation.id()))
                .map(memberId -> new UserConversation(memberId, conversation.id()))
                .toList();
        joining.forEach(membership -> requireAddable(callerId, membership.userId()));
        Conversation started = createOrFind(callerId, conversation);
        joining.forEach(this::insert);
        return started;
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
        insert(new UserConversation(callerId, conversation.id()));
        return conversation;
    }

    /**
     * Adds {@code userId} to the conversation; only a member may. Adding an existing member changes
     * nothing and returns the existing membership. A user who does not consent to be added by the
     * caller ({@link AddingConsent}), such as one who blocked the caller, is refused as FORBIDDEN, "you
     * cannot add this user to a conversation": the answer names no reason, so that the caller does not
     * learn that they were blocked. This also keeps a blocked user from starting a conversation with
     * whoever blocked them by creating it and then adding its members; {@link #start} refuses them
     * before the conversation is written.
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
        requireAddable(callerId, membership.userId());
        insert(membership);
        return membership;
    }

    /** Refuses a user who does not exist, or who does not consent to be added by the caller. */
    private void requireAddable(String callerId, String userId) {
        if (users.findById(userId).isEmpty()) {
            throw new NotFoundException("user " + userId + " not found");
        }
        if (!consent.consents(userId, callerId)) {
            throw new ForbiddenException("you cannot add this user to a conversation");
        }
    }

    private void insert(UserConversation membership) {
        events.publishEvent(new MembershipCreated(membership, conversations.insertMembership(membership)));
    }

    private static Conversation conversationOf(String id, String name, @Nullable String createdAt) {
        return new Conversation(
                Inputs.requireId("id", id),
                Inputs.requireText("name", name, MAX_NAME_LENGTH),
                createdAt == null ? null : Inputs.requireText("createdAt", createdAt, MAX_CREATED_AT_LENGTH));
    }
}

package io.chatql.message;

import io.chatql.conversation.ConversationAccess;
import io.chatql.live.LiveEvents;
import io.chatql.system.ConflictException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Posts messages, announcing each new one to its conversation's subscribers after commit. */
@Service
class Messages {

    static final int MAX_CONTENT_LENGTH = 10_000;

    static final int MAX_CREATED_AT_LENGTH = 64;

    private final MessageRepository messages;

    private final ConversationAccess access;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    private final LiveEvents live;

    Messages(
            MessageRepository messages,
            ConversationAccess access,
            ApplicationEventPublisher events,
            TransactionOperations transaction,
            LiveEvents live) {
        this.messages = messages;
        this.access = access;
        this.events = events;
        this.transaction = transaction;
        this.live = live;
    }

    /**
     * Stores the caller's message as the next of its conversation. Idempotent on (conversationId, id):
     * a retry by the same sender returns the stored message, with no second row and no second
     * announcement; another sender reusing the id is refused. Returns once the conversation's
     * subscribers on this node have kept up ({@link LiveEvents#awaitSubscribers}).
     */
    Message post(String callerId, String conversationId, String id, @Nullable String content, String createdAt) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("id", id);
        Inputs.requireText("createdAt", createdAt, MAX_CREATED_AT_LENGTH);
        requireContent(content);
        Message message = transaction.execute(status -> store(callerId, conversationId, id, content, createdAt));
        live.awaitSubscribers(MessageCreated.class, conversationId);
        return message;
    }

    private Message store(
            String callerId, String conversationId, String id, @Nullable String content, String createdAt) {
        access.requireMember(callerId, conversationId);
        long lastSequence = messages.lockLastSequence(conversationId);
        var stored = messages.find(conversationId, id);
        if (stored.isPresent()) {
            if (!stored.get().sender().equals(callerId)) {
                throw new ConflictException("message id " + id + " is already taken in this conversation");
            }
            return stored.get();
        }
        Message message = messages.insert(conversationId, id, lastSequence + 1, callerId, content, createdAt);
        events.publishEvent(new MessageCreated(message));
        return message;
    }

    private static void requireContent(@Nullable String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("content must not be empty");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new InvalidInputException("content must be at most " + MAX_CONTENT_LENGTH + " characters");
        }
    }
}

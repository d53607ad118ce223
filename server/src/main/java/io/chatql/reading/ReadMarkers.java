package io.chatql.reading;

import io.chatql.conversation.Conversation;
import io.chatql.conversation.ConversationAccess;
import io.chatql.message.Message;
import io.chatql.message.MessageLookup;
import io.chatql.system.Inputs;
import io.chatql.system.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Moves members' read markers, forward only, and keeps whether each sends read receipts. */
@Service
class ReadMarkers {

    private final ReadingRepository repository;

    private final ConversationAccess access;

    private final MessageLookup messages;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    private final Clock clock;

    ReadMarkers(
            ReadingRepository repository,
            ConversationAccess access,
            MessageLookup messages,
            ApplicationEventPublisher events,
            TransactionOperations transaction,
            Clock clock) {
        this.repository = repository;
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Moves the caller's marker to the message, when it is newer than the one the marker is at; an
     * older one changes nothing. A non-member, and a message not of the conversation, are refused as
     * not found. Blocking: membership, message and the marker's update, three statements whatever the
     * conversation's size.
     */
    Conversation markRead(String callerId, String conversationId, String messageId) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("messageId", messageId);
        return transaction.execute(status -> {
            Conversation conversation = access.requireConversation(callerId, conversationId);
            List<Message> found = messages.shown(conversationId, List.of(messageId));
            if (found.isEmpty()) {
                throw new NotFoundException("message " + messageId + " not found");
            }
            Message message = found.get(0);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            if (repository.moveMarker(callerId, conversationId, message.sequence(), now)) {
                events.publishEvent(new ReadMarkerMoved(
                        callerId,
                        conversationId,
                        messageId,
                        message.sequence(),
                        now.toInstant().toString(),
                        readReceipts(callerId)));
            }
            return conversation;
        });
    }

    /** Whether the user sends read receipts, and so sees those of others. Blocking. */
    boolean readReceipts(String userId) {
        return repository.readReceipts(userId).orElse(true);
    }

    /** Turns the user's read receipts on or off. Blocking. */
    void setReadReceipts(String userId, boolean enabled) {
        repository.setReadReceipts(userId, enabled);
    }
}

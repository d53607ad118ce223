package io.chatql.reaction;

import io.chatql.conversation.ConversationAccess;
import io.chatql.message.LockedMessages;
import io.chatql.message.Message;
import io.chatql.message.MessageDeleted;
import io.chatql.system.BlockingWork;
import io.chatql.system.ConflictException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import reactor.core.publisher.Mono;

/**
 * Adds and takes back members' reactions. Both are idempotent: a reaction already there, or one
 * already taken back, changes nothing and announces nothing. A change is made under the lock on the
 * message's conversation, so it takes its place in the conversation's order of events.
 */
@Service
class Reactions {

    /** The most different emoji on one message. */
    static final int MOST_EMOJI = 20;

    private final ReactionRepository reactions;

    private final LockedMessages messages;

    private final ConversationAccess access;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    private final BlockingWork blocking;

    private final Clock clock;

    Reactions(
            ReactionRepository reactions,
            LockedMessages messages,
            ConversationAccess access,
            ApplicationEventPublisher events,
            TransactionOperations transaction,
            BlockingWork blocking,
            Clock clock) {
        this.reactions = reactions;
        this.messages = messages;
        this.access = access;
        this.events = events;
        this.transaction = transaction;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Puts the caller's {@code emoji} on the message. */
    Mono<Message> add(String callerId, String conversationId, String messageId, String emoji) {
        return change(callerId, conversationId, messageId, emoji, true);
    }

    /** Takes the caller's {@code emoji} off the message. */
    Mono<Message> remove(String callerId, String conversationId, String messageId, String emoji) {
        return change(callerId, conversationId, messageId, emoji, false);
    }

    private Mono<Message> change(
            String callerId, String conversationId, String messageId, String emoji, boolean adding) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("messageId", messageId);
        String reaction = Emoji.requireOne(emoji);
        return blocking.of(() -> transaction.execute(status -> {
            access.requireMember(callerId, conversationId);
            Message message = messages.lock(conversationId, messageId);
            boolean changed = adding
                    ? addTo(message, reaction, callerId)
                    : reactions.delete(conversationId, messageId, reaction, callerId);
            if (changed) {
                events.publishEvent(new ReactionsChanged(message, callerId));
            }
            return message;
        }));
    }

    private boolean addTo(Message message, String emoji, String userId) {
        if (message.deleted()) {
            throw new ConflictException("message " + message.id() + " was deleted");
        }
        List<ReactionRepository.EmojiOnMessage> present =
                reactions.emojiOn(message.conversationId(), message.id(), userId);
        if (present.stream().anyMatch(on -> on.emoji().equals(emoji) && on.mine())) {
            return false;
        }
        if (present.size() >= MOST_EMOJI
                && present.stream().noneMatch(on -> on.emoji().equals(emoji))) {
            throw new InvalidInputException("a message holds at most " + MOST_EMOJI + " different emoji");
        }
        reactions.insert(message.conversationId(), message.id(), emoji, userId, OffsetDateTime.now(clock));
        return true;
    }

    /** A deleted message keeps no reactions. */
    @EventListener
    void onDeleted(MessageDeleted deleted) {
        reactions.deleteAllOf(
                deleted.message().conversationId(), deleted.message().id());
    }
}

package io.chatql.message;

import io.chatql.live.LiveEvents;
import io.chatql.live.ResumableFeed;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The new messages of one conversation for one subscriber, in sequence order, each once, with no gap:
 * after the message the subscriber names, at the beginning of the conversation when it names the
 * empty id (a subscriber that saw the conversation empty), or, without one, after the newest stored
 * message. Sequences have no holes, so a message that arrives ahead of others fills the gap first.
 */
@Component
class MessageFeed extends ResumableFeed<MessageCreated, Message> {

    private final MessageRepository messages;

    MessageFeed(MessageRepository messages, LiveEvents events, BlockingWork blocking) {
        super(MessageCreated.class, Positions.DENSE, events, blocking);
        this.messages = messages;
    }

    @Override
    protected Message item(MessageCreated event) {
        return event.message();
    }

    @Override
    protected long position(Message message) {
        return message.sequence();
    }

    @Override
    protected long startingPoint(String conversationId, @Nullable String afterId) {
        if (afterId == null) {
            return messages.lastSequence(conversationId);
        }
        if (afterId.isEmpty()) {
            return BEGINNING;
        }
        return messages.find(conversationId, afterId)
                .map(Message::sequence)
                .orElseThrow(() -> new InvalidInputException("after must be the id of a message of this conversation"));
    }

    @Override
    protected List<Message> readAfter(String conversationId, long sequence, int limit) {
        return messages.findAfter(conversationId, sequence, limit);
    }
}

package io.chatql.message;

import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The new messages of one conversation for one subscriber: in sequence order, each once, with no gap.
 *
 * <p>Live events are listened to before anything is read, and buffered. The feed starts after the
 * message the subscriber names (catching up on everything stored since), at the beginning of the
 * conversation when it names the empty id (a subscriber that saw the conversation empty), or,
 * without one, after the newest stored message. A live event that skips sequence numbers, because
 * events committed in one order reached this node in another, first fills the gap from the
 * database; one already delivered is dropped.
 */
@Component
class MessageFeed {

    static final int PAGE = 100;

    /** The position before the first message of every conversation. */
    private static final long BEGINNING = 0;

    private final MessageRepository messages;

    private final LiveEvents events;

    private final BlockingWork blocking;

    MessageFeed(MessageRepository messages, LiveEvents events, BlockingWork blocking) {
        this.messages = messages;
        this.events = events;
        this.blocking = blocking;
    }

    /**
     * Follows the conversation after the message {@code afterId}, or from now when it is null, running
     * {@code listening} once live events are listened to and the starting point is read.
     */
    Flux<Message> follow(String conversationId, @Nullable String afterId, Runnable listening) {
        return Flux.defer(() -> {
            LiveEvents.Listening<MessageCreated> live = events.listen(MessageCreated.class, conversationId);
            Position position = new Position();
            return blocking.of(() -> startingPoint(conversationId, afterId))
                    .doOnNext(start -> {
                        position.last = start;
                        listening.run();
                    })
                    .flatMapMany(start -> catchUp(conversationId, position)
                            .concatWith(live.events()
                                    .map(MessageCreated::message)
                                    .concatMap(message -> inOrder(conversationId, position, message))))
                    .doFinally(signal -> live.dispose());
        });
    }

    /** The messages stored after {@code afterId}, oldest first, then the end; nothing when it is null. */
    Flux<Message> catchUp(String conversationId, @Nullable String afterId) {
        if (afterId == null) {
            return Flux.empty();
        }
        Position position = new Position();
        return blocking.of(() -> startingPoint(conversationId, afterId))
                .doOnNext(start -> position.last = start)
                .flatMapMany(start -> catchUp(conversationId, position));
    }

    private long startingPoint(String conversationId, @Nullable String afterId) {
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

    /** Everything stored after the position, page by page, moving the position along. */
    private Flux<Message> catchUp(String conversationId, Position position) {
        return readAfter(conversationId, position, PAGE)
                .expand(page -> page.size() == PAGE ? readAfter(conversationId, position, PAGE) : Mono.empty())
                .flatMapIterable(page -> page);
    }

    private Flux<Message> inOrder(String conversationId, Position position, Message message) {
        if (message.sequence() <= position.last) {
            return Flux.empty();
        }
        if (message.sequence() == position.last + 1) {
            position.last = message.sequence();
            return Flux.just(message);
        }
        return readAfter(conversationId, position, (int) (message.sequence() - position.last))
                .flatMapIterable(page -> page);
    }

    private Mono<List<Message>> readAfter(String conversationId, Position position, int limit) {
        return blocking.of(() -> messages.findAfter(conversationId, position.last, limit))
                .doOnNext(page -> {
                    if (!page.isEmpty()) {
                        position.last = page.get(page.size() - 1).sequence();
                    }
                });
    }

    /** The sequence of the last message delivered; touched by one signal at a time. */
    private static final class Position {
        private long last;
    }
}

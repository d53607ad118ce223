package io.chatql.typing;

import io.chatql.live.EventFollowing;
import io.chatql.live.LiveEvents;
import io.chatql.presence.LastConnectionClosed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Who is typing, on this node: it follows the signals of every node, itself included, and the users
 * whose last connection closed, keeps them in a {@link TypingBoard}, and delivers each change it tells
 * as a {@link TypingChanged} to this node's subscribers of the conversation. Nothing of it touches the
 * database.
 */
@Component
class Typing extends EventFollowing {

    /**
     * How often expired signals and changes waiting to be told are looked for: a change waits for the
     * coalescing time and at most one tick more.
     */
    static final Duration TICK = Duration.ofMillis(100);

    private final TypingBoard board = new TypingBoard();

    private final LiveEvents events;

    private final Clock clock;

    Typing(LiveEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Who is typing in the conversation now, in the order they started. */
    TypingChanged now(String conversationId) {
        synchronized (board) {
            return board.now(conversationId);
        }
    }

    private void signalled(TypingSignalled signal) {
        synchronized (board) {
            tell(board.signal(
                    signal.conversationId(), signal.typist(), signal.typing(), signal.crowded(), clock.instant()));
        }
    }

    private void disconnected(LastConnectionClosed closed) {
        synchronized (board) {
            tell(board.drop(closed.userId(), clock.instant()));
        }
    }

    private void tick() {
        synchronized (board) {
            tell(board.tick(clock.instant()));
        }
    }

    private void tell(List<TypingChanged> changes) {
        changes.forEach(events::deliverOnThisNode);
    }

    @Override
    protected void follow(Disposable.Composite following) {
        following.add(events.stream(TypingSignalled.class).subscribe(this::signalled));
        following.add(events.stream(LastConnectionClosed.class).subscribe(this::disconnected));
        following.add(Flux.interval(TICK, TICK).subscribe(tick -> tick()));
    }
}

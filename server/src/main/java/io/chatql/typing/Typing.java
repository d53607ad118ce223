package io.chatql.typing;

import io.chatql.live.EventFollowing;
import io.chatql.live.LiveEvents;
import io.chatql.presence.LastConnectionClosed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Who is typing, on this node: it relays the signals made here ({@link TypingSignals}), follows the
 * signals of every node, itself included, and the users whose last connection closed, keeps them in a
 * {@link TypingBoard}, and delivers each change it tells as a {@link TypingChanged} to this node's
 * subscribers of the conversation. Nothing of it touches the database. Signals are relayed under one
 * lock, so that a held one relayed late never follows the typist's stop.
 */
@Component
class Typing extends EventFollowing {

    /**
     * How often expired signals, and held ones due to be relayed, are looked for: each tick passes over
     * the conversations someone types in and the typists whose signals were relayed, ten times a second.
     * A change waiting for its coalescing time is told when that is up, on a timer of its own.
     */
    static final Duration TICK = Duration.ofMillis(100);

    private final TypingBoard board = new TypingBoard();

    private final TypingSignals signals = new TypingSignals();

    private final LiveEvents events;

    private final ApplicationEventPublisher publisher;

    private final Clock clock;

    private final Scheduler timers = Schedulers.parallel();

    Typing(LiveEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A member signalled on this node that they type, or stopped: relayed to every node, this one
     * included, unless it only says again what was relayed less than {@link TypingSignals#REFRESH} ago,
     * in which case it is relayed when that time is up.
     */
    void signal(TypingSignalled signal) {
        synchronized (signals) {
            TypingSignalled relayed = signals.signal(signal, clock.instant());
            if (relayed != null) {
                publisher.publishEvent(relayed);
            }
        }
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
        synchronized (signals) {
            signals.drop(closed.userId());
        }
        synchronized (board) {
            tell(board.drop(closed.userId(), clock.instant()));
        }
    }

    private void tick() {
        synchronized (signals) {
            signals.due(clock.instant()).forEach(publisher::publishEvent);
        }
        synchronized (board) {
            tell(board.tick(clock.instant()));
        }
    }

    /** Delivers the changes told, and flushes each conversation whose change waits when its time is up. */
    private void tell(List<TypingChanged> changes) {
        changes.forEach(events::deliverOnThisNode);
        for (TypingBoard.Due due : board.takeDue()) {
            long wait = Math.max(0, Duration.between(clock.instant(), due.at()).toNanos());
            timers.schedule(() -> flush(due.conversationId()), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void flush(String conversationId) {
        synchronized (board) {
            tell(board.flush(conversationId, clock.instant()));
        }
    }

    @Override
    protected void follow(Disposable.Composite following) {
        following.add(events.stream(TypingSignalled.class).subscribe(this::signalled));
        following.add(events.stream(LastConnectionClosed.class).subscribe(this::disconnected));
        following.add(Flux.interval(TICK, TICK).subscribe(tick -> tick()));
    }
}

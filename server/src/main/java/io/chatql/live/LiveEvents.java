package io.chatql.live;

import io.chatql.system.BlockingWork;
import io.chatql.system.FellBehindException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The fan-out of committed events to the subscriptions of this node, and to other nodes through an
 * {@link EventRelay} when there is one.
 *
 * <p>Events are routed by kind and topic: an event reaches only the subscribers of its topic, such as
 * one conversation, so delivering costs nothing for the others. Each subscriber has a bounded buffer
 * of its own; one that falls {@value #SUBSCRIBER_BUFFER} events behind gets an error instead of
 * holding more memory. Before that, whoever posts to the topic waits for it: see {@link
 * #subscribersCaughtUp}.
 */
@Component
public class LiveEvents {

    static final int SUBSCRIBER_BUFFER = 1024;

    /** Unread events of one subscriber beyond which posting to its topic waits. */
    static final int WAIT_BEYOND = 64;

    private final Map<Topic, Listeners> topics = new ConcurrentHashMap<>();

    private final AtomicInteger subscribers = new AtomicInteger();

    private final ObjectProvider<EventRelay> relay;

    private final LiveEventTypes types;

    private final Duration longestWait;

    private final BlockingWork blocking;

    LiveEvents(
            ObjectProvider<EventRelay> relay, LiveEventTypes types, LiveProperties properties, BlockingWork blocking) {
        this.relay = relay;
        this.blocking = blocking;
        this.types = types;
        this.longestWait = properties.subscriberWait();
    }

    /** Delivers a committed event to this node's subscribers, and relays it to the other nodes. */
    @TransactionalEventListener(fallbackExecution = true)
    void onCommitted(LiveEvent event) {
        deliver(event);
        relay.ifAvailable(other -> other.relay(event));
    }

    /**
     * Delivers an event that every node derives for itself from events relayed to all, such as a
     * coalesced state, to this node's subscribers only: relaying it would hand each node every other
     * node's copy too.
     */
    public void deliverOnThisNode(LiveEvent event) {
        deliver(event);
    }

    /** Delivers an event to this node's subscribers of its topic, and to those of every topic of its kind. */
    void deliver(LiveEvent event) {
        Listeners listeners = topics.get(new Topic(event.getClass(), event.topic()));
        if (listeners != null) {
            listeners.emit(event);
        }
        Listeners ofEveryTopic = topics.get(new Topic(event.getClass(), null));
        if (ofEveryTopic != null) {
            ofEveryTopic.emit(event);
        }
    }

    /**
     * Completes once no subscriber of the topic on this node has more than {@value #WAIT_BEYOND} events
     * unread, waiting on the blocking pool for {@code chatql.realtime.subscriber-wait} at most; at once
     * when none is behind. A poster waits for it after each commit, before it is answered: on a busy
     * node the subscribers' results are computed by one thread per topic, so a topic posted to as
     * fast as the node can store would leave them ever further behind, until their buffers overflow;
     * holding its posters back hands the time to them instead.
     */
    public Mono<Void> subscribersCaughtUp(Class<? extends LiveEvent> type, String topic) {
        Listeners listeners = topics.get(new Topic(type, topic));
        if (listeners == null || !listeners.anyBehind()) {
            return Mono.empty();
        }
        return blocking.run(() -> listeners.awaitCaughtUp(longestWait));
    }

    /** The events of {@code type} that every subscriber of the kind receives, from now on. */
    public <T extends LiveEvent> Flux<T> stream(Class<T> type) {
        return stream(type, "");
    }

    /** The events of {@code type} on {@code topic} committed from the moment of subscription on. */
    public <T extends LiveEvent> Flux<T> stream(Class<T> type, String topic) {
        return Flux.defer(() -> {
            Listening<T> live = listen(type, topic);
            return live.events().doFinally(signal -> live.dispose());
        });
    }

    /**
     * The events of {@code type} on every topic, committed from the moment of subscription on: for a
     * feature that routes them on its own, such as to the users whom a conversation's events concern.
     * Its reader must keep up, as every subscriber must.
     */
    public <T extends LiveEvent> Flux<T> streamOfEveryTopic(Class<T> type) {
        return Flux.defer(() -> {
            Listening<T> live = listen(type, new Topic(type, null));
            return live.events().doFinally(signal -> live.dispose());
        });
    }

    /**
     * Starts listening to the events of {@code type} on {@code topic} at once, keeping them until they
     * are read, so that a subscriber can first read what is stored and then take the events that
     * arrived meanwhile. More than {@value #SUBSCRIBER_BUFFER} unread events end it: it stops listening
     * at once, and its reader gets a {@link FellBehindException} after the events kept.
     */
    public <T extends LiveEvent> Listening<T> listen(Class<T> type, String topic) {
        return listen(type, new Topic(type, topic));
    }

    private <T extends LiveEvent> Listening<T> listen(Class<T> type, Topic key) {
        types.register(type);
        Listeners listeners =
                topics.compute(key, (k, existing) -> (existing == null ? new Listeners() : existing).hold());
        subscribers.incrementAndGet();
        return new Listening<>(type, listeners, () -> {
            subscribers.decrementAndGet();
            release(key);
        });
    }

    /** The number of subscriptions currently listening on this node. */
    public int subscriberCount() {
        return subscribers.get();
    }

    private void release(Topic key) {
        topics.computeIfPresent(key, (k, listeners) -> listeners.release() ? null : listeners);
    }

    /** A kind of event and one of its topics, or all of them when {@code key} is null. */
    private record Topic(Class<?> type, @Nullable String key) {}

    /** Events listened to since {@link #listen}, kept until read; close it to stop listening. */
    public static final class Listening<T> implements Disposable {

        private final Sinks.Many<T> kept = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<T>get(SUBSCRIBER_BUFFER).get());

        private final AtomicInteger unread = new AtomicInteger();

        private final Listeners listeners;

        private final Disposable.Swap listening = Disposables.swap();

        private Listening(Class<T> type, Listeners listeners, Runnable released) {
            this.listeners = listeners;
            listeners.follow(this);
            listening.update(listeners
                    .events()
                    .cast(type)
                    .doFinally(signal -> {
                        listeners.unfollow(this);
                        released.run();
                    })
                    .subscribe(this::keep, kept::tryEmitError));
        }

        /** The events kept and those still to come; can be read once. */
        public Flux<T> events() {
            return kept.asFlux().doOnNext(event -> {
                if (unread.decrementAndGet() == WAIT_BEYOND) {
                    listeners.caughtUp();
                }
            });
        }

        @Override
        public void dispose() {
            listening.dispose();
        }

        private void keep(T event) {
            unread.incrementAndGet();
            if (kept.tryEmitNext(event).isFailure()) {
                kept.tryEmitError(new FellBehindException(SUBSCRIBER_BUFFER));
                listening.dispose();
            }
        }

        private boolean behind() {
            return unread.get() > WAIT_BEYOND;
        }
    }

    /** The subscribers of one topic; counted, so that the topic is dropped with its last subscriber. */
    private static final class Listeners {

        private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

        private final Set<Listening<?>> followers = ConcurrentHashMap.newKeySet();

        private final Object waiting = new Object();

        private int holders;

        /** Counts one more subscriber; called under the map's lock for this topic. */
        Listeners hold() {
            holders++;
            return this;
        }

        /** Counts one subscriber less; true when none is left. Called under the map's lock. */
        boolean release() {
            return --holders == 0;
        }

        Flux<LiveEvent> events() {
            return sink.asFlux();
        }

        synchronized void emit(LiveEvent event) {
            sink.tryEmitNext(event);
        }

        void follow(Listening<?> listening) {
            followers.add(listening);
        }

        void unfollow(Listening<?> listening) {
            followers.remove(listening);
            caughtUp();
        }

        /** Wakes whoever waits for this topic's subscribers, to look again. */
        void caughtUp() {
            synchronized (waiting) {
                waiting.notifyAll();
            }
        }

        void awaitCaughtUp(Duration longest) {
            if (!anyBehind()) {
                return;
            }
            long deadline = System.nanoTime() + longest.toNanos();
            synchronized (waiting) {
                long left;
                while (anyBehind() && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(waiting, left);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private boolean anyBehind() {
            for (Listening<?> listening : followers) {
                if (listening.behind()) {
                    return true;
                }
            }
            return false;
        }
    }
}

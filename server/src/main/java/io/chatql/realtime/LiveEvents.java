package io.chatql.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The fan-out of committed events to the subscriptions of this node, and to other nodes through an
 * {@link EventRelay} when there is one.
 *
 * <p>Events are routed by kind and topic: an event reaches only the subscribers of its topic, such as
 * one conversation, so delivering costs nothing for the others. Each subscriber has a bounded buffer
 * of its own; one that falls {@value #SUBSCRIBER_BUFFER} events behind gets an error instead of
 * holding more memory.
 */
@Component
public class LiveEvents {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final Map<Topic, Listeners> topics = new ConcurrentHashMap<>();

    private final AtomicInteger subscribers = new AtomicInteger();

    private final ObjectProvider<EventRelay> relay;

    LiveEvents(ObjectProvider<EventRelay> relay) {
        this.relay = relay;
    }

    /** Delivers a committed event to this node's subscribers, and relays it to the other nodes. */
    @TransactionalEventListener(fallbackExecution = true)
    void onCommitted(LiveEvent event) {
        deliver(event);
        relay.ifAvailable(other -> other.relay(event));
    }

    /** Delivers an event to this node's subscribers of its topic. */
    void deliver(LiveEvent event) {
        Listeners listeners = topics.get(new Topic(event.getClass(), event.topic()));
        if (listeners != null) {
            listeners.emit(event);
        }
    }

    /** The events of {@code type} that every subscriber of the kind receives, from now on. */
    public <T extends LiveEvent> Flux<T> stream(Class<T> type) {
        return stream(type, "");
    }

    /** The events of {@code type} on {@code topic} committed from the moment of subscription on. */
    public <T extends LiveEvent> Flux<T> stream(Class<T> type, String topic) {
        Topic key = new Topic(type, topic);
        return Flux.defer(() -> {
                    Listeners listeners = topics.compute(
                            key, (k, existing) -> (existing == null ? new Listeners() : existing).hold());
                    return listeners.events().doFinally(signal -> release(key));
                })
                .cast(type)
                .onBackpressureBuffer(SUBSCRIBER_BUFFER)
                .doOnSubscribe(subscription -> subscribers.incrementAndGet())
                .doFinally(signal -> subscribers.decrementAndGet());
    }

    /**
     * Starts listening to the events of {@code type} on {@code topic} at once, keeping them until they
     * are read, so that a subscriber can first read what is stored and then take the events that
     * arrived meanwhile. More than {@value #SUBSCRIBER_BUFFER} unread events end it with an error.
     */
    public <T extends LiveEvent> Listening<T> listen(Class<T> type, String topic) {
        return new Listening<>(stream(type, topic));
    }

    /** The number of subscriptions currently listening on this node. */
    public int subscriberCount() {
        return subscribers.get();
    }

    private void release(Topic key) {
        topics.computeIfPresent(key, (k, listeners) -> listeners.release() ? null : listeners);
    }

    private record Topic(Class<?> type, String key) {}

    /** Events listened to since {@link #listen}, kept until read; close it to stop listening. */
    public static final class Listening<T> implements Disposable {

        private final Sinks.Many<T> kept = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<T>get(SUBSCRIBER_BUFFER).get());

        private final Disposable listening;

        private Listening(Flux<T> events) {
            listening = events.subscribe(
                    event -> {
                        if (kept.tryEmitNext(event).isFailure()) {
                            kept.tryEmitError(new IllegalStateException("subscriber fell too far behind"));
                        }
                    },
                    kept::tryEmitError);
        }

        /** The events kept and those still to come; can be read once. */
        public Flux<T> events() {
            return kept.asFlux();
        }

        @Override
        public void dispose() {
            listening.dispose();
        }
    }

    /** The subscribers of one topic; counted, so that the topic is dropped with its last subscriber. */
    private static final class Listeners {

        private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

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
    }
}

package io.chatql.realtime;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The fan-out of committed events to the subscriptions of this node, and to other nodes through an
 * {@link EventRelay} when there is one. Each subscriber has a
 * bounded buffer of its own; one that falls {@value #SUBSCRIBER_BUFFER} events behind gets an error
 * instead of holding more memory.
 */
@Component
public class LiveEvents {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

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

    /** Delivers an event to this node's subscribers. */
    synchronized void deliver(LiveEvent event) {
        sink.tryEmitNext(event);
    }

    /** The events of {@code type} committed from the moment of subscription on. */
    public <T extends LiveEvent> Flux<T> stream(Class<T> type) {
        return sink.asFlux()
                .ofType(type)
                .onBackpressureBuffer(SUBSCRIBER_BUFFER)
                .doOnSubscribe(subscription -> subscribers.incrementAndGet())
                .doFinally(signal -> subscribers.decrementAndGet());
    }

    /** The number of subscriptions currently listening on this node. */
    public int subscriberCount() {
        return subscribers.get();
    }
}

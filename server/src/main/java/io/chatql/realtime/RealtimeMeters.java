package io.chatql.realtime;

import io.chatql.analytics.RealtimeActivity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The meters of the real-time layer: open connections and running subscriptions by protocol, results
 * delivered, how long a result takes from its event reaching this node to its connection, and
 * connections refused for their credentials.
 */
@Component
class RealtimeMeters implements RealtimeActivity {

    private static final List<String> PROTOCOLS = List.of(
            TransportWsProtocol.LABEL, LegacyWsProtocol.LABEL, AppSyncProtocol.LABEL, ServerSentEventsMeter.PROTOCOL);

    private final MeterRegistry registry;

    private final ByProtocol connections;

    private final ByProtocol subscriptions;

    private final Counter deliveries;

    private final Timer deliveryLatency;

    private final Counter refusedConnections;

    RealtimeMeters(MeterRegistry registry) {
        this.registry = registry;
        this.connections = new ByProtocol("chatql.connections.open", "Open real-time connections");
        this.subscriptions = new ByProtocol("chatql.subscriptions.active", "Running subscriptions");
        this.deliveries = Counter.builder("chatql.subscription.deliveries")
                .description("Subscription results queued for real-time connections")
                .register(registry);
        this.deliveryLatency = Timer.builder("chatql.delivery.latency")
                .description("From an event reaching this node to its result queued for a connection")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        this.refusedConnections = Counter.builder("chatql.auth.failures")
                .description("Requests and connections refused for missing or invalid credentials")
                .tag("transport", "websocket")
                .register(registry);
    }

    void connectionOpened(String protocol) {
        connections.of(protocol).incrementAndGet();
    }

    void connectionClosed(String protocol) {
        connections.of(protocol).decrementAndGet();
    }

    void subscriptionStarted(String protocol) {
        subscriptions.of(protocol).incrementAndGet();
    }

    void subscriptionEnded(String protocol) {
        subscriptions.of(protocol).decrementAndGet();
    }

    @Override
    public int openConnections() {
        return connections.sum();
    }

    @Override
    public int activeSubscriptions() {
        return subscriptions.sum();
    }

    /** Counts a delivered result whose event reached this node at {@code receivedAt} (nano time). */
    void delivered(long receivedAt) {
        deliveries.increment();
        if (receivedAt != GraphQlOperations.Result.NOT_AN_EVENT) {
            deliveryLatency.record(System.nanoTime() - receivedAt, TimeUnit.NANOSECONDS);
        }
    }

    void connectionRefused() {
        refusedConnections.increment();
    }

    /** One gauge per protocol, each registered at 0 at the start, so that alerts can be written on it. */
    private final class ByProtocol {

        private final Map<String, AtomicInteger> values;

        ByProtocol(String name, String description) {
            this.values = PROTOCOLS.stream().collect(Collectors.toUnmodifiableMap(protocol -> protocol, protocol -> {
                AtomicInteger value = new AtomicInteger();
                Gauge.builder(name, value, AtomicInteger::get)
                        .description(description)
                        .tag("protocol", protocol)
                        .register(registry);
                return value;
            }));
        }

        AtomicInteger of(String protocol) {
            return values.get(protocol);
        }

        int sum() {
            return values.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}

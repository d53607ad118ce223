package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final RealtimeMeters meters = new RealtimeMeters(registry);

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "subscriptions-transport-ws", "appsync", "graphql-sse"})
    void everyProtocolHasItsGaugesAtZeroBeforeItsFirstConnection(String protocol) {
        assertThat(gauge("chatql.connections.open", protocol).value()).isZero();
        assertThat(gauge("chatql.subscriptions.active", protocol).value()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "subscriptions-transport-ws", "appsync", "graphql-sse"})
    void gaugesFollowConnectionsAndSubscriptions(String protocol) {
        meters.connectionOpened(protocol);
        meters.subscriptionStarted(protocol);
        meters.subscriptionStarted(protocol);
        meters.subscriptionEnded(protocol);

        assertThat(gauge("chatql.connections.open", protocol).value()).isEqualTo(1);
        assertThat(gauge("chatql.subscriptions.active", protocol).value()).isEqualTo(1);
        assertThat(meters.openConnections()).isEqualTo(1);
        assertThat(meters.activeSubscriptions()).isEqualTo(1);
    }

    private Gauge gauge(String name, String protocol) {
        return registry.get(name).tag("protocol", protocol).gauge();
    }
}

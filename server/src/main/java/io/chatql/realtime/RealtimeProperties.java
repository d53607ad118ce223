package io.chatql.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the real-time connections.
 *
 * @param keepAlive how often an open connection is sent a keep-alive message
 * @param connectionInitTimeout how long a new connection may wait before {@code connection_init}
 * @param maxSubscriptionsPerConnection how many operations one connection may run at once
 * @param maxConnectionsPerUser how many connections one user may hold open on this node
 * @param outboundBuffer how much text may wait for a client that reads too slowly before it is
 *     disconnected, counted in characters (one byte each for the ASCII that most JSON is)
 */
@ConfigurationProperties("chatql.realtime")
record RealtimeProperties(
        @DefaultValue("20s") Duration keepAlive,
        @DefaultValue("10s") Duration connectionInitTimeout,
        @DefaultValue("100") int maxSubscriptionsPerConnection,
        @DefaultValue("50") int maxConnectionsPerUser,
        @DefaultValue("1MB") DataSize outboundBuffer) {}

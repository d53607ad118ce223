package io.chatql.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of presence.
 *
 * @param offlineGrace how long a user whose last connection closed still shows as before, so that a
 *     reload or a reconnection, to this node or another, does not flash them offline. 5 seconds: a
 *     reload reconnects within one or two, and a closed tab still turns grey soon after
 * @param nodeHeartbeat how often each node tells the others whom it holds connections of; a node that
 *     starts knows them all after one period
 * @param nodeTimeout how long a node may stay silent before the others take it for dead and its users
 *     for gone: three heartbeats, so that one lost or late heartbeat is not taken for death, and the
 *     users of a dead node show offline within {@code nodeTimeout} plus the grace, 20 seconds
 */
@ConfigurationProperties("chatql.presence")
record PresenceProperties(
        @DefaultValue("5s") Duration offlineGrace,
        @DefaultValue("5s") Duration nodeHeartbeat,
        @DefaultValue("15s") Duration nodeTimeout) {}

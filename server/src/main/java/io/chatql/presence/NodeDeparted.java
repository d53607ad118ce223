package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * The node {@code node} is stopping and holds no connections any more for the others: sent as it
 * stops, so that they need not wait for the node timeout to take its users' connections for closed.
 */
@LiveEventName("presence.node-departed")
record NodeDeparted(String node) implements LiveEvent {}

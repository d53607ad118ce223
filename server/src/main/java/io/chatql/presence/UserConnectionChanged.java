package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * The node {@code node} holds a first connection of the user, or no longer holds any: relayed to every
 * node, each of which derives the user's presence from what all nodes hold.
 */
@LiveEventName("presence.connection-changed")
record UserConnectionChanged(String node, String userId, boolean connected) implements LiveEvent {}

package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * The last real-time connection of the user closed, on whichever node, or went with its node: what
 * only a live connection keeps, such as typing, ends now, before the user shows offline. Derived by
 * each node for itself, so delivered on this node only.
 */
@LiveEventName("presence.last-connection-closed")
public record LastConnectionClosed(String userId) implements LiveEvent {}

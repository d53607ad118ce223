package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** A client reported its user idle, or back: relayed to every node. */
@LiveEventName("presence.away-reported")
record AwayReported(String userId, boolean away) implements LiveEvent {}

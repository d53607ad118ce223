package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** A user let others see when they were last seen, or hid it: relayed to every node. */
@LiveEventName("presence.last-seen-shown")
record LastSeenShown(String userId, boolean shown) implements LiveEvent {}

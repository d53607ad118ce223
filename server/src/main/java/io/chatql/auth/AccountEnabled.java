package io.chatql.auth;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** An administrator enabled a disabled account again: every node accepts its credentials from now on. */
@LiveEventName("account.enabled")
record AccountEnabled(String userId) implements LiveEvent {}

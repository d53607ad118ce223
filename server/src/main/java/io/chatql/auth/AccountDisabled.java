package io.chatql.auth;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * An administrator disabled an account: every node refuses its credentials from now on, and closes
 * its real-time connections. Only the nodes are told; the account's user is told by the refusals.
 */
@LiveEventName("account.disabled")
public record AccountDisabled(String userId) implements LiveEvent {}

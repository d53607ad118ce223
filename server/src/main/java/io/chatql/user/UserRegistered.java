package io.chatql.user;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** A user joined, or registered or renamed itself: published to {@code subscribeToNewUsers}. */
@LiveEventName("user.registered")
public record UserRegistered(User user) implements LiveEvent {}

package io.chatql.user;

import io.chatql.live.LiveEvent;

/** A user joined, or registered or renamed itself: published to {@code subscribeToNewUsers}. */
public record UserRegistered(User user) implements LiveEvent {}

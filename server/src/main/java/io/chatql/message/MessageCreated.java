package io.chatql.message;

import io.chatql.realtime.LiveEvent;

/** A message was stored: published to {@code subscribeToNewMessage} of its conversation. */
public record MessageCreated(Message message) implements LiveEvent {}

package io.chatql.message;

/** A message became a tombstone, deleted by {@code deletedBy}: its author or an administrator. */
public record MessageDeleted(Message message, String deletedBy) {}

package io.chatql.message;

/**
 * A message became a tombstone, deleted by {@code deletedBy}: its author or an administrator. Published
 * in the transaction that deleted it, so that what other features keep of the message goes with it.
 */
public record MessageDeleted(Message message, String deletedBy) {}

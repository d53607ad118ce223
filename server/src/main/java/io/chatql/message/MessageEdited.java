package io.chatql.message;

/**
 * The author changed a message's content; {@code message} is as it is after the edit. Published in the
 * transaction that changed it.
 */
public record MessageEdited(Message message) {}

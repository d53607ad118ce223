package io.chatql.reaction;

import io.chatql.message.Message;

/**
 * A member added or took back a reaction on a message; published in the transaction that changed it.
 *
 * @param message the message as it is now
 * @param userId who reacted or took their reaction back
 */
public record ReactionsChanged(Message message, String userId) {}

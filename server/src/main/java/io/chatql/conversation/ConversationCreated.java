package io.chatql.conversation;

/** A conversation was created; published within the transaction that stores it. */
public record ConversationCreated(String conversationId, String creatorId) {}

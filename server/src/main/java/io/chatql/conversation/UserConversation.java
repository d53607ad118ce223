package io.chatql.conversation;

/** The membership of a user in a conversation, served as the type {@code UserConversations}. */
public record UserConversation(String userId, String conversationId) {}

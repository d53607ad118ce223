package io.chatql.conversation;

import org.jspecify.annotations.Nullable;

/** A conversation. {@code createdAt} is the client's own string, returned exactly as it was sent. */
public record Conversation(String id, String name, @Nullable String createdAt) {}

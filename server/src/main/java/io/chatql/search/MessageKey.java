package io.chatql.search;

/** A message found, named by its conversation and id; {@code position} orders all messages. */
record MessageKey(String conversationId, String id, long position) {}

package io.chatql.search;

/** A message as the index holds it: where it is, who wrote it and what it says now. */
record StoredMessage(String conversationId, String id, long position, String sender, String content, boolean deleted) {}

package io.chatql.search;

import io.chatql.conversation.Conversation;
import io.chatql.message.Message;

/** A message found, its conversation, and the piece of its content that matched. */
record MessageSearchHit(Message message, Conversation conversation, Snippet snippet) {}

package io.chatql.reading;

import io.chatql.conversation.Conversation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a member's conversations, the latest activity first. */
record ConversationList(
        List<Conversation> conversations, @Nullable String nextToken) {}

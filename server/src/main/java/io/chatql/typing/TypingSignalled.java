package io.chatql.typing;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;
import io.chatql.user.User;

/**
 * A member said they are typing in a conversation, or stopped: relayed to every node, each of which
 * keeps who is typing for itself.
 *
 * @param crowded whether the conversation has more members than typists are named for
 */
@LiveEventName("typing.signalled")
record TypingSignalled(String conversationId, User typist, boolean typing, boolean crowded) implements LiveEvent {}

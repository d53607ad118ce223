package io.chatql.typing;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;
import io.chatql.user.User;
import java.util.List;

/**
 * Who is typing in a conversation now, the whole list, as this node keeps it: each node derives it for
 * itself from the relayed signals, so it is delivered on this node only.
 *
 * @param typists who is typing, in the order they started
 * @param crowded whether the conversation has more members than typists are named for
 */
@LiveEventName("typing.changed")
record TypingChanged(String conversationId, List<User> typists, boolean crowded) implements LiveEvent {

    @Override
    public String topic() {
        return conversationId;
    }
}

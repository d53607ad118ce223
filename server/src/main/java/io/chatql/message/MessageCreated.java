package io.chatql.message;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** A message was stored: published to {@code subscribeToNewMessage} of its conversation. */
@LiveEventName("message.created")
public record MessageCreated(Message message) implements LiveEvent {

    /** Subscribers follow one conversation. */
    @Override
    public String topic() {
        return message.conversationId();
    }
}

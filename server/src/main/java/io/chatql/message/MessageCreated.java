package io.chatql.message;

import io.chatql.live.LiveEvent;

/** A message was stored: published to {@code subscribeToNewMessage} of its conversation. */
public record MessageCreated(Message message) implements LiveEvent {

    /** Subscribers follow one conversation. */
    @Override
    public String topic() {
        return message.conversationId();
    }
}

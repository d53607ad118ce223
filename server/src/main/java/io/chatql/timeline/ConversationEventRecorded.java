package io.chatql.timeline;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** An event took its place in a conversation's timeline: published to its subscribers. */
@LiveEventName("conversation.event")
record ConversationEventRecorded(ConversationEvent event) implements LiveEvent {

    /** Subscribers follow one conversation. */
    @Override
    public String topic() {
        return event.conversationId();
    }
}

package io.chatql.reading;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * A message of the conversation changed how it counts: it was deleted, so it is no longer unread for
 * anyone, or it names other members than before. Its members' counts are counted again.
 */
@LiveEventName("reading.unread-affected")
record UnreadAffected(String conversationId) implements LiveEvent {

    @Override
    public String topic() {
        return conversationId;
    }
}

package io.chatql.reading;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * A member read a conversation further: their marker is now at message {@code messageId}, number
 * {@code sequence}. Published to the member's own counts, and, when they send read receipts, to the
 * conversation's receipts.
 *
 * @param readAt an ISO instant
 * @param receipts whether the member sends read receipts
 */
@LiveEventName("reading.marker-moved")
record ReadMarkerMoved(
        String userId, String conversationId, String messageId, long sequence, String readAt, boolean receipts)
        implements LiveEvent {

    @Override
    public String topic() {
        return conversationId;
    }
}

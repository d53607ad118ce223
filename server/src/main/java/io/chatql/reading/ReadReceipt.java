package io.chatql.reading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a member's marker is in a conversation: at message {@code messageId}, since {@code readAt}, an
 * ISO instant.
 */
record ReadReceipt(String userId, String messageId, String readAt) {

    static ReadReceipt of(ReadMarkerMoved moved) {
        return new ReadReceipt(moved.userId(), moved.messageId(), moved.readAt());
    }

    /** The receipts of a conversation since its last event, the furthest of each member. */
    record Batch(String conversationId, List<ReadReceipt> receipts) {

        static Batch of(String conversationId, Collection<ReadMarkerMoved> moves) {
            Map<String, ReadMarkerMoved> furthest = new LinkedHashMap<>();
            moves.forEach(moved -> furthest.merge(
                    moved.userId(), moved, (one, other) -> other.sequence() > one.sequence() ? other : one));
            return new Batch(
                    conversationId,
                    furthest.values().stream().map(ReadReceipt::of).toList());
        }
    }
}

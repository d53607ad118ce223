package io.chatql.timeline;

import io.chatql.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * One event of a conversation's timeline.
 *
 * @param position its number in the conversation's timeline, from 1, with no hole
 * @param userId who acted: the author, who deleted, who reacted, the member added
 * @param occurredAt when, as an ISO instant
 * @param message the message the event is about: as it was then in a live event, as it is now when
 *     read from the store; none for a member added
 */
record ConversationEvent(
        String conversationId,
        long position,
        ConversationEventKind kind,
        String userId,
        String occurredAt,
        @Nullable Message message) {

    /** The id of the message the event is about, for storing it. */
    @Nullable
    String messageId() {
        return message == null ? null : message.id();
    }

    ConversationEvent about(@Nullable Message now) {
        return new ConversationEvent(conversationId, position, kind, userId, occurredAt, now);
    }
}

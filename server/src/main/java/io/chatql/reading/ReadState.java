package io.chatql.reading;

import org.jspecify.annotations.Nullable;

/**
 * What one member has read of one conversation, and what is left: {@code readSequence} is the sequence
 * of the newest message they read (0 before the first), {@code lastSequence} that of the conversation's
 * newest message when this was read.
 */
record ReadState(
        String conversationId,
        long readSequence,
        @Nullable String lastReadMessageId,
        long lastSequence,
        int unreadCount,
        int mentionCount,
        boolean muted) {

    /** This state after a message of sequence {@code sequence} arrived, written by someone else or not. */
    ReadState arrived(long sequence, boolean byOther, boolean mentionsReader) {
        return new ReadState(
                conversationId,
                readSequence,
                lastReadMessageId,
                sequence,
                unreadCount + (byOther ? 1 : 0),
                mentionCount + (byOther && mentionsReader ? 1 : 0),
                muted);
    }

    /** This state after an unread message lost a count and a mention count, or gained them back. */
    ReadState recounted(int unreadDelta, int mentionDelta) {
        return new ReadState(
                conversationId,
                readSequence,
                lastReadMessageId,
                lastSequence,
                unreadCount + unreadDelta,
                mentionCount + mentionDelta,
                muted);
    }

    /** This state with the conversation muted by the member, or not. */
    ReadState muted(boolean muted) {
        return muted == this.muted
                ? this
                : new ReadState(
                        conversationId,
                        readSequence,
                        lastReadMessageId,
                        lastSequence,
                        unreadCount,
                        mentionCount,
                        muted);
    }

    /** Whether a message of sequence {@code sequence} is after the marker. */
    boolean unread(long sequence) {
        return sequence > readSequence;
    }
}

package io.chatql.message;

/**
 * What a conversation has counted so far: the sequence of its newest message and the position of the
 * newest event of its timeline.
 */
public record ConversationCounters(long lastSequence, long lastEvent) {

    /** The counters after one more message. */
    ConversationCounters next() {
        return new ConversationCounters(lastSequence + 1, lastEvent + 1);
    }
}

package io.chatql.reading;

import java.util.List;

/** A member's counts in each of their conversations, and their total. */
record UnreadCounts(List<ReadState> conversations, UnreadTotal total) {

    static UnreadCounts of(List<ReadState> states) {
        return new UnreadCounts(states, UnreadTotal.of(states));
    }
}

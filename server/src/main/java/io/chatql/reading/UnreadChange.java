package io.chatql.reading;

import org.jspecify.annotations.Nullable;

/** A member's counts in one conversation, after they changed, and their total over all of them. */
record UnreadChange(
        String conversationId,
        int unreadCount,
        int mentionCount,
        @Nullable String lastReadMessageId,
        UnreadTotal total) {

    static UnreadChange of(ReadState state, UnreadTotal total) {
        return new UnreadChange(
                state.conversationId(), state.unreadCount(), state.mentionCount(), state.lastReadMessageId(), total);
    }
}

package io.chatql.reading;

import java.util.Collection;

/** A member's unread messages and mentions over their conversations that are not muted. */
record UnreadTotal(int unreadCount, int mentionCount, int conversationCount) {

    static UnreadTotal of(Collection<ReadState> states) {
        int unread = 0;
        int mentions = 0;
        int conversations = 0;
        for (ReadState state : states) {
            if (!state.muted()) {
                unread += state.unreadCount();
                mentions += state.mentionCount();
                conversations += state.unreadCount() > 0 ? 1 : 0;
            }
        }
        return new UnreadTotal(unread, mentions, conversations);
    }
}

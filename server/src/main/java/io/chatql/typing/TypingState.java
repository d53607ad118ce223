package io.chatql.typing;

import io.chatql.user.User;
import java.util.List;

/**
 * Who is typing in a conversation as one member is shown it, served as the type {@code TypingState}:
 * the others, not the member themselves.
 *
 * @param count how many are typing
 * @param users who they are; empty in a conversation of more than {@value #NAMED_UP_TO} members, where
 *     only the count is told
 */
record TypingState(String conversationId, int count, List<User> users) {

    /** The most members a conversation may have for its typists to be named. */
    static final int NAMED_UP_TO = 100;

    /** What {@code viewerId} is shown of {@code typists}. */
    static TypingState viewedBy(String viewerId, String conversationId, List<User> typists, boolean crowded) {
        List<User> others =
                typists.stream().filter(typist -> !typist.id().equals(viewerId)).toList();
        return new TypingState(conversationId, others.size(), crowded ? List.of() : others);
    }
}

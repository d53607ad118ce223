package io.chatql.conversation;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/**
 * A user was added to a conversation: published to {@code subscribeToNewUCs} for that user.
 *
 * @param position the membership's place in arrival order
 */
@LiveEventName("membership.created")
public record MembershipCreated(UserConversation membership, long position) implements LiveEvent {

    /** Subscribers follow one user's memberships. */
    @Override
    public String topic() {
        return membership.userId();
    }
}

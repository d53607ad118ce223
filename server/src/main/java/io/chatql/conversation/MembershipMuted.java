package io.chatql.conversation;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;

/** A member muted or unmuted a conversation: published for that member's own devices. */
@LiveEventName("membership.muted")
public record MembershipMuted(UserConversation membership, boolean muted) implements LiveEvent {

    /** Subscribers follow one user's memberships. */
    @Override
    public String topic() {
        return membership.userId();
    }
}

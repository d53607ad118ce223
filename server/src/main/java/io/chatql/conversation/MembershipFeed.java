package io.chatql.conversation;

import io.chatql.conversation.ConversationRepository.PositionedMembership;
import io.chatql.live.LiveEvents;
import io.chatql.live.ResumableFeed;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The new memberships of one user for one subscriber, each once, with no gap: after the membership
 * the subscriber names, before the first when it names the empty id (a subscriber that knew none), or,
 * without one, after the user's newest membership. Positions are shared by all users, so they have
 * holes within one user's memberships.
 */
@Component
class MembershipFeed extends ResumableFeed<MembershipCreated, PositionedMembership> {

    private final ConversationRepository conversations;

    MembershipFeed(ConversationRepository conversations, LiveEvents events, BlockingWork blocking) {
        super(MembershipCreated.class, Positions.SPARSE, events, blocking);
        this.conversations = conversations;
    }

    @Override
    protected PositionedMembership item(MembershipCreated event) {
        return new PositionedMembership(event.membership(), event.position());
    }

    @Override
    protected long position(PositionedMembership membership) {
        return membership.position();
    }

    @Override
    protected long startingPoint(String userId, @Nullable String afterConversationId) {
        if (afterConversationId == null) {
            return conversations.lastPositionOf(userId);
        }
        if (afterConversationId.isEmpty()) {
            return BEGINNING;
        }
        return conversations
                .positionOf(userId, afterConversationId)
                .orElseThrow(() -> new InvalidInputException("after must be the id of one of your conversations"));
    }

    @Override
    protected List<PositionedMembership> readAfter(String userId, long position, int limit) {
        return conversations.findMembershipsAfter(userId, position, limit);
    }
}

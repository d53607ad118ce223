package io.chatql.conversation;

import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The new memberships of one user for one subscriber, each once, with no gap. Live events are listened
 * to before anything is read; the feed starts after the membership the subscriber names (catching up
 * on all later ones), before the first when it names the empty id (a subscriber that knew none), or,
 * without one, after the user's newest membership.
 */
@Component
class MembershipFeed {

    static final int PAGE = 100;

    /** The position before every membership. */
    private static final long BEGINNING = 0;

    private final ConversationRepository conversations;

    private final LiveEvents events;

    private final BlockingWork blocking;

    MembershipFeed(ConversationRepository conversations, LiveEvents events, BlockingWork blocking) {
        this.conversations = conversations;
        this.events = events;
        this.blocking = blocking;
    }

    /** Follows the user's memberships after the one in {@code afterConversationId}, or from now. */
    Flux<UserConversation> follow(String userId, @Nullable String afterConversationId) {
        return Flux.defer(() -> {
            LiveEvents.Listening<MembershipCreated> live = events.listen(MembershipCreated.class, userId);
            Set<String> delivered = new HashSet<>();
            return blocking.of(() -> startingPoint(userId, afterConversationId))
                    .flatMapMany(start -> catchUp(userId, start)
                            .concatWith(live.events()
                                    .filter(event -> event.position() > start)
                                    .map(MembershipCreated::membership)))
                    .filter(membership -> delivered.add(membership.conversationId()))
                    .doFinally(signal -> live.dispose());
        });
    }

    private long startingPoint(String userId, @Nullable String afterConversationId) {
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

    private Flux<UserConversation> catchUp(String userId, long start) {
        return read(userId, start)
                .expand(page -> page.size() == PAGE
                        ? read(userId, page.get(page.size() - 1).position())
                        : Mono.empty())
                .flatMapIterable(page -> page)
                .map(ConversationRepository.PositionedMembership::membership);
    }

    private Mono<List<ConversationRepository.PositionedMembership>> read(String userId, long after) {
        return blocking.of(() -> conversations.findMembershipsAfter(userId, after, PAGE));
    }
}

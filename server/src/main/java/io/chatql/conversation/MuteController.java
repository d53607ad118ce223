package io.chatql.conversation;

import graphql.GraphQLContext;
import io.chatql.live.SubscriptionSharing;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Members mute the conversations they would rather not be alerted for. Muting is kept on the
 * membership, and is its member's alone: no one else sees it.
 */
@Controller
class MuteController {

    private final ConversationRepository repository;

    private final BlockingWork blocking;

    private final ApplicationEventPublisher events;

    MuteController(ConversationRepository repository, ApplicationEventPublisher events, BlockingWork blocking) {
        this.repository = repository;
        this.events = events;
        this.blocking = blocking;
    }

    /** Mutes the conversation for the caller, a member; muting it again changes nothing. */
    @MutationMapping
    Mono<UserConversation> muteConversation(@Argument String conversationId, Caller caller) {
        return setMuted(caller, conversationId, true);
    }

    /** Unmutes the conversation for the caller, a member; unmuting it again changes nothing. */
    @MutationMapping
    Mono<UserConversation> unmuteConversation(@Argument String conversationId, Caller caller) {
        return setMuted(caller, conversationId, false);
    }

    /**
     * Whether the member of each membership muted its conversation, read in one query, for the caller's
     * own memberships only: another member's is answered false.
     */
    @BatchMapping(typeName = "UserConversations")
    Mono<Map<UserConversation, Boolean>> muted(List<UserConversation> memberships, GraphQLContext context) {
        Caller caller = Caller.of(context);
        Set<String> own = memberships.stream()
                .filter(membership -> membership.userId().equals(caller.id()))
                .map(UserConversation::conversationId)
                .collect(Collectors.toSet());
        Mono<Set<String>> muted =
                own.isEmpty() ? Mono.just(Set.of()) : blocking.of(() -> repository.mutedAmong(caller.id(), own));
        return muted.map(mutedConversations -> {
            Map<UserConversation, Boolean> answers = new HashMap<>();
            memberships.forEach(membership -> answers.put(
                    membership,
                    membership.userId().equals(caller.id())
                            && mutedConversations.contains(membership.conversationId())));
            return answers;
        });
    }

    /** Whether a membership is muted is told to its member only, so it depends on who asks. */
    @Bean
    static SubscriptionSharing muteSharing() {
        return SubscriptionSharing.viewerDependent("muted");
    }

    private Mono<UserConversation> setMuted(Caller caller, String conversationId, boolean muted) {
        Inputs.requireId("conversationId", conversationId);
        return blocking.of(() -> {
            if (!repository.setMuted(caller.id(), conversationId, muted)) {
                throw ConversationAccess.notFound(conversationId);
            }
            UserConversation membership = new UserConversation(caller.id(), conversationId);
            events.publishEvent(new MembershipMuted(membership, muted));
            return membership;
        });
    }
}

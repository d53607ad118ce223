package io.chatql.typing;

import io.chatql.conversation.Conversation;
import io.chatql.live.LiveEvents;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.user.User;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Typing in the API: members signal that they type, and see who else does in a conversation, asked
 * or as it changes.
 */
@Controller
class TypingController {

    /** The most conversations one subscription follows. */
    static final int MAX_FOLLOWED = 100;

    private final Typing typing;

    private final TypingMembers members;

    private final LiveEvents live;

    private final BlockingWork blocking;

    TypingController(Typing typing, TypingMembers members, LiveEvents live, BlockingWork blocking) {
        this.typing = typing;
        this.members = members;
        this.live = live;
        this.blocking = blocking;
    }

    /**
     * The caller, a member, types in the conversation, or stopped; answers who else types there now.
     * Nothing is stored: the signal goes to every node, at most once a second while it says the same.
     */
    @MutationMapping
    Mono<TypingState> setTyping(@Argument String conversationId, @Argument boolean typing, Caller caller) {
        Inputs.requireId("conversationId", conversationId);
        return blocking.of(() -> {
            User typist = members.requireMember(caller.id(), conversationId);
            boolean crowded = members.isCrowded(conversationId);
            this.typing.signal(new TypingSignalled(conversationId, typist, typing, crowded));
            return TypingState.viewedBy(
                    caller.id(), conversationId, this.typing.now(conversationId).typists(), crowded);
        });
    }

    /** Who else is typing in the conversation, which the caller was allowed to read. */
    @SchemaMapping(typeName = "Conversation")
    Mono<TypingState> typing(Conversation conversation, Caller caller) {
        return blocking.of(() -> TypingState.viewedBy(
                caller.id(),
                conversation.id(),
                typing.now(conversation.id()).typists(),
                members.isCrowded(conversation.id())));
    }

    /**
     * Who else is typing in each of the conversations, each time it changes; first, for each where
     * someone else is typing already, who is. Every conversation must be one the caller is in.
     */
    @SubscriptionMapping
    LiveFeed<TypingState> subscribeToTyping(@Argument List<String> conversationIds, Caller caller) {
        Set<String> followed = followed(conversationIds);
        return LiveFeed.of(Flux.merge(followed.stream()
                        .map(conversationId -> follow(conversationId, caller.id()))
                        .toList()))
                .authorizedBy(blocking.run(
                        () -> followed.forEach(conversationId -> members.requireMember(caller.id(), conversationId))));
    }

    /** Who types in a conversation depends on who asks, who is left out. */
    @Bean
    static SubscriptionSharing typingSharing() {
        return SubscriptionSharing.viewerDependent("typing");
    }

    private Flux<TypingState> follow(String conversationId, String viewerId) {
        return Flux.defer(() -> {
            LiveEvents.Listening<TypingChanged> changes = live.listen(TypingChanged.class, conversationId);
            return Flux.concat(Flux.just(typing.now(conversationId)), changes.events())
                    .map(change -> TypingState.viewedBy(viewerId, conversationId, change.typists(), change.crowded()))
                    .distinctUntilChanged()
                    .skipWhile(state -> state.count() == 0)
                    .doFinally(signal -> changes.dispose());
        });
    }

    private static Set<String> followed(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            throw new InvalidInputException("conversationIds must name at least one conversation");
        }
        if (conversationIds.size() > MAX_FOLLOWED) {
            throw new InvalidInputException("conversationIds must name at most " + MAX_FOLLOWED + " conversations");
        }
        conversationIds.forEach(conversationId -> Inputs.requireId("conversationIds", conversationId));
        return new LinkedHashSet<>(conversationIds);
    }
}

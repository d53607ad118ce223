package io.chatql.reaction;

import graphql.GraphQLContext;
import io.chatql.live.SubscriptionSharing;
import io.chatql.message.Message;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class ReactionController {

    private final Reactions reactions;

    private final ReactionRepository repository;

    private final BlockingWork blocking;

    ReactionController(Reactions reactions, ReactionRepository repository, BlockingWork blocking) {
        this.reactions = reactions;
        this.repository = repository;
        this.blocking = blocking;
    }

    @MutationMapping
    Mono<Message> addReaction(
            @Argument String conversationId, @Argument String messageId, @Argument String emoji, Caller caller) {
        return reactions.add(caller.id(), conversationId, messageId, emoji);
    }

    @MutationMapping
    Mono<Message> removeReaction(
            @Argument String conversationId, @Argument String messageId, @Argument String emoji, Caller caller) {
        return reactions.remove(caller.id(), conversationId, messageId, emoji);
    }

    /**
     * The reactions on each message of a page, read in one statement for the page: each emoji in the
     * order it first came, with its count, whether the viewer put it there and the first names.
     */
    @BatchMapping(typeName = "Message")
    Mono<Map<Message, List<Reaction>>> reactions(List<Message> page, GraphQLContext context) {
        @Nullable Caller viewer = context.get(Caller.class);
        return blocking.of(() -> {
            Map<ReactionRepository.MessageKey, Map<String, Tally>> tallies = new HashMap<>();
            var keys = page.stream()
                    .map(message -> new ReactionRepository.MessageKey(message.conversationId(), message.id()))
                    .distinct()
                    .toList();
            for (var reacted : repository.onMessages(keys)) {
                tallies.computeIfAbsent(reacted.message(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(reacted.emoji(), Tally::new)
                        .add(reacted, viewer);
            }
            Map<Message, List<Reaction>> shown = new HashMap<>();
            for (Message message : page) {
                var onMessage = tallies.getOrDefault(
                        new ReactionRepository.MessageKey(message.conversationId(), message.id()), Map.of());
                shown.put(
                        message,
                        onMessage.values().stream().map(Tally::reaction).toList());
            }
            return shown;
        });
    }

    /** The reactions of the viewer differ from anyone else's. */
    @Bean
    static SubscriptionSharing reactionSharing() {
        return SubscriptionSharing.viewerDependent("reactedByMe");
    }

    private static final class Tally {

        private final String emoji;

        private int count;

        private boolean byViewer;

        private final List<String> names = new ArrayList<>();

        Tally(String emoji) {
            this.emoji = emoji;
        }

        void add(ReactionRepository.Reacted reacted, @Nullable Caller viewer) {
            count++;
            byViewer |= viewer != null && reacted.userId().equals(viewer.id());
            if (names.size() < Reaction.NAMES_SHOWN) {
                names.add(reacted.username());
            }
        }

        Reaction reaction() {
            return new Reaction(emoji, count, byViewer, List.copyOf(names));
        }
    }
}

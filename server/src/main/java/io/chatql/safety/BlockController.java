package io.chatql.safety;

import graphql.GraphQLContext;
import io.chatql.live.SubscriptionSharing;
import io.chatql.message.Message;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.user.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class BlockController {

    private final Blocks blocks;

    private final UserBlockRepository repository;

    private final BlockingWork blocking;

    BlockController(Blocks blocks, UserBlockRepository repository, BlockingWork blocking) {
        this.blocks = blocks;
        this.repository = repository;
        this.blocking = blocking;
    }

    @MutationMapping
    Mono<User> blockUser(@Argument String userId, Caller caller) {
        return blocking.of(() -> blocks.block(caller.id(), userId));
    }

    @MutationMapping
    Mono<User> unblockUser(@Argument String userId, Caller caller) {
        return blocking.of(() -> blocks.unblock(caller.id(), userId));
    }

    @QueryMapping
    Mono<List<User>> blockedUsers(Caller caller) {
        return blocking.of(() -> blocks.blockedBy(caller.id()));
    }

    /** Whether the caller blocked the author of each message of a page, read in one query. */
    @BatchMapping(typeName = "Message")
    Mono<Map<Message, Boolean>> authorBlocked(List<Message> page, GraphQLContext context) {
        Caller caller = Caller.of(context);
        return blocking.of(() -> {
            var blocked = repository.blockedAmong(
                    caller.id(), page.stream().map(Message::sender).collect(Collectors.toSet()));
            Map<Message, Boolean> answers = new HashMap<>();
            page.forEach(message -> answers.put(message, blocked.contains(message.sender())));
            return answers;
        });
    }

    /** Whether a message's author is blocked depends on who asks. */
    @Bean
    static SubscriptionSharing blockSharing() {
        return SubscriptionSharing.viewerDependent("authorBlocked");
    }
}

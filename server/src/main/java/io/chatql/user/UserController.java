package io.chatql.user;

import graphql.GraphQLContext;
import io.chatql.live.LiveEvents;
import io.chatql.paging.PageSize;
import io.chatql.realtime.SubscriptionMode;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Controller
class UserController {

    private final UserRepository repository;

    private final Users users;

    private final LiveEvents events;

    private final BlockingWork blocking;

    UserController(UserRepository repository, Users users, LiveEvents events, BlockingWork blocking) {
        this.repository = repository;
        this.users = users;
        this.events = events;
        this.blocking = blocking;
    }

    @QueryMapping
    Mono<User> me(Principal caller) {
        return blocking.of(() -> repository.findById(caller.getName()).orElse(null));
    }

    /**
     * All users in sign-up order. The result is a plain list, so {@code after} is the id of the last
     * user of the previous page.
     */
    @QueryMapping
    Mono<List<User>> allUser(@Argument @Nullable String after, @Argument @Nullable Integer first) {
        PageSize size = PageSize.of(first);
        return blocking.of(() -> {
            Long position = after == null
                    ? null
                    : repository
                            .positionOf(after)
                            .orElseThrow(() -> new InvalidInputException("after must be the id of a user"));
            return repository.findPage(position, size.value()).stream()
                    .map(UserRepository.PositionedUser::user)
                    .toList();
        });
    }

    /** Registers or renames the caller; idempotent. */
    @MutationMapping
    Mono<User> createUser(@Argument String username, Principal caller) {
        return blocking.of(() -> users.register(caller.getName(), username));
    }

    @SubscriptionMapping
    Flux<User> subscribeToNewUsers(GraphQLContext context) {
        return SubscriptionMode.serve(
                context,
                Mono.empty(),
                listening -> events.stream(UserRegistered.class)
                        .doOnSubscribe(subscription -> listening.run())
                        .map(UserRegistered::user),
                Flux::empty,
                user -> 0);
    }
}

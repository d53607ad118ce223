package io.chatql.user;

import io.chatql.live.LiveEvents;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.paging.PageSize;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
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
    Mono<User> me(Caller caller) {
        return blocking.of(() -> repository.findById(caller.id()).orElse(null));
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
    Mono<User> createUser(@Argument String username, Caller caller) {
        return blocking.of(() -> users.register(caller.id(), username));
    }

    @SubscriptionMapping
    LiveFeed<User> subscribeToNewUsers() {
        return LiveFeed.of(events.stream(UserRegistered.class).map(UserRegistered::user));
    }

    /** Every subscriber sees the same new users, so all may share one live execution. */
    @Bean
    static SubscriptionSharing userSharing() {
        return SubscriptionSharing.shareable("subscribeToNewUsers");
    }
}

package io.chatql.auth;

import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.user.User;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Disabling and enabling accounts; refused as FORBIDDEN to non-administrators. */
@Controller
class AccountDisablingController {

    private final AccountDisabling disabling;

    private final BlockingWork blocking;

    AccountDisablingController(AccountDisabling disabling, BlockingWork blocking) {
        this.disabling = disabling;
        this.blocking = blocking;
    }

    @MutationMapping
    Mono<User> disableUser(@Argument String userId, Caller caller) {
        return blocking.of(() -> disabling.disable(caller, userId));
    }

    @MutationMapping
    Mono<User> enableUser(@Argument String userId, Caller caller) {
        return blocking.of(() -> disabling.enable(caller, userId));
    }
}

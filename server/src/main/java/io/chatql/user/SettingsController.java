package io.chatql.user;

import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class SettingsController {

    private final UserRepository users;

    private final BlockingWork blocking;

    SettingsController(UserRepository users, BlockingWork blocking) {
        this.users = users;
        this.blocking = blocking;
    }

    /** The caller's own settings. */
    @QueryMapping
    Settings settings(Caller caller) {
        return new Settings(caller.id());
    }

    @SchemaMapping(typeName = "Settings")
    Mono<User> user(Settings settings) {
        return blocking.of(() -> users.findById(settings.userId()).orElse(null));
    }
}

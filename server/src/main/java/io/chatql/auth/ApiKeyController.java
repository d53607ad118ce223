package io.chatql.auth;

import io.chatql.system.BlockingWork;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The administration of API keys; every operation is refused as FORBIDDEN to non-administrators. */
@Controller
class ApiKeyController {

    private final ApiKeys apiKeys;

    private final BlockingWork blocking;

    ApiKeyController(ApiKeys apiKeys, BlockingWork blocking) {
        this.apiKeys = apiKeys;
        this.blocking = blocking;
    }

    @QueryMapping
    Mono<List<ApiKey>> apiKeys(Authentication caller) {
        Roles.requireAdmin(caller);
        return blocking.of(apiKeys::list);
    }

    @MutationMapping
    Mono<NewApiKey> createApiKey(@Argument String name, @Argument String expiresAt, Authentication caller) {
        Roles.requireAdmin(caller);
        return blocking.of(() -> apiKeys.create(caller.getName(), name, expiresAt));
    }

    @MutationMapping
    Mono<ApiKey> revokeApiKey(@Argument String id, Authentication caller) {
        Roles.requireAdmin(caller);
        return blocking.of(() -> apiKeys.revoke(id));
    }
}

package io.chatql.auth;

import io.chatql.system.BlockingWork;
import io.chatql.user.UserRepository;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Refuses a verified access token whose subject is no longer a user, such as a deleted one. */
final class ExistingUserCheck implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;

    private final UserRepository users;

    private final BlockingWork blocking;

    ExistingUserCheck(ReactiveJwtDecoder verifier, UserRepository users, BlockingWork blocking) {
        this.verifier = verifier;
        this.users = users;
        this.blocking = blocking;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return verifier.decode(token)
                .flatMap(jwt -> blocking.of(() -> exists(jwt))
                        .flatMap(exists -> exists
                                ? Mono.just(jwt)
                                : Mono.error(new BadJwtException("The user of this token does not exist"))));
    }

    private boolean exists(Jwt jwt) {
        String userId = jwt.getSubject();
        return userId != null && users.findById(userId).isPresent();
    }
}

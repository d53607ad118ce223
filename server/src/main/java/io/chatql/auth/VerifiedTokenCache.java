package io.chatql.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each access token once a minute at most while it is valid: a client sends the same token
 * with every request, and checking its RSA signature each time is a tenth of the cost of a small
 * request. A token is looked up by its whole text, signature included, so an altered token is verified
 * anew; one that has expired is verified anew, and refused; and one verified more than a minute ago is
 * verified anew, so that what else the verifier checks, such as that its user still exists, holds
 * within a minute.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final int CAPACITY = 10_000;

    static final Duration TRUSTED_FOR = Duration.ofMinutes(1);

    private final ReactiveJwtDecoder verifier;

    private final Clock clock;

    private final Map<String, Verified> verified = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        Instant now = clock.instant();
        if (known != null && known.trustedUntil().isAfter(now)) {
            return Mono.just(known.jwt());
        }
        return verifier.decode(token).doOnNext(jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return;
            }
            Instant trustedUntil = now.plus(TRUSTED_FOR);
            synchronized (verified) {
                verified.put(token, new Verified(jwt, expiresAt.isBefore(trustedUntil) ? expiresAt : trustedUntil));
            }
        });
    }

    private record Verified(Jwt jwt, Instant trustedUntil) {}
}

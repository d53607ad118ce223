package io.chatql.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each access token once while it is valid: a client sends the same token with every
 * request, and checking its RSA signature each time is a tenth of the cost of a small request. A
 * token is looked up by its whole text, signature included, so an altered token is verified anew;
 * one that has expired is verified anew, and refused.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final int CAPACITY = 10_000;

    private final ReactiveJwtDecoder verifier;

    private final Clock clock;

    private final Map<String, Jwt> verified = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known;
        synchronized (verified) {
            known = verified.get(token);
        }
        Instant expiresAt = known == null ? null : known.getExpiresAt();
        if (expiresAt != null && expiresAt.isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            synchronized (verified) {
                verified.put(token, jwt);
            }
        });
    }
}

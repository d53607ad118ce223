package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void validTokenIsVerifiedOnce() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier(NOW.plusSeconds(60)), at(NOW));

        StepVerifier.create(cache.decode("token")).expectNextCount(1).verifyComplete();
        StepVerifier.create(cache.decode("token")).expectNextCount(1).verifyComplete();

        assertThat(verifications).hasValue(1);
    }

    @Test
    void expiredTokenIsVerifiedAgainAndRefused() {
        ReactiveJwtDecoder expiring = token -> verifications.getAndIncrement() == 0
                ? Mono.just(jwt(NOW.plusSeconds(60)))
                : Mono.error(new BadJwtException("expired"));
        VerifiedTokenCache before = new VerifiedTokenCache(expiring, at(NOW));
        before.decode("token").block();

        VerifiedTokenCache later = new VerifiedTokenCache(expiring, at(NOW.plus(Duration.ofMinutes(2))));
        StepVerifier.create(later.decode("token"))
                .expectError(BadJwtException.class)
                .verify();
    }

    @Test
    void validTokenIsVerifiedAgainAfterAMinute() {
        MovingClock clock = new MovingClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier(NOW.plusSeconds(3600)), clock);
        cache.decode("token").block();

        clock.advance(VerifiedTokenCache.TRUSTED_FOR.minusSeconds(1));
        cache.decode("token").block();
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.decode("token").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void tokenRefusedOnSecondVerificationIsRefused() {
        MovingClock clock = new MovingClock(NOW);
        ReactiveJwtDecoder userDeletedMeanwhile = token -> verifications.getAndIncrement() == 0
                ? Mono.just(jwt(NOW.plusSeconds(3600)))
                : Mono.error(new BadJwtException("The user of this token does not exist"));
        VerifiedTokenCache cache = new VerifiedTokenCache(userDeletedMeanwhile, clock);
        cache.decode("token").block();

        clock.advance(VerifiedTokenCache.TRUSTED_FOR);

        StepVerifier.create(cache.decode("token"))
                .expectError(BadJwtException.class)
                .verify();
    }

    @Test
    void refusedTokenIsNotRemembered() {
        ReactiveJwtDecoder refusing = token -> {
            verifications.incrementAndGet();
            return Mono.error(new BadJwtException("bad signature"));
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(refusing, at(NOW));

        StepVerifier.create(cache.decode("forged"))
                .expectError(BadJwtException.class)
                .verify();
        StepVerifier.create(cache.decode("forged"))
                .expectError(BadJwtException.class)
                .verify();

        assertThat(verifications).hasValue(2);
    }

    private ReactiveJwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return Mono.just(jwt(expiresAt));
        };
    }

    private static Jwt jwt(Instant expiresAt) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("user")
                .issuedAt(expiresAt.minusSeconds(3600))
                .expiresAt(expiresAt)
                .build();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}

package io.chatql.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.chatql.system.BlockingWork;
import io.chatql.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The decoder of access tokens. A token of this server is accepted only when one of its keys signed it
 * with RS256, for this issuer and audience, it has not expired and its user still exists; a key id this
 * node does not know makes it read the keys again, for another node may have just rotated. A token of
 * a trusted external issuer is checked the same way against that issuer's published keys, and must
 * also be for one of its configured clients. Anything else, {@code alg: none} included, is refused.
 * Each token is verified once a minute at most while it is valid. Tokens without an expiry are refused.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

    /** How long after its expiry a token is still accepted, for clocks that differ a little. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(
            SigningKeys keys, AuthProperties properties, UserRepository users, Clock clock, BlockingWork blocking) {
        Map<String, ReactiveJwtDecoder> decoders = new HashMap<>();
        decoders.put(properties.issuer(), builtIn(keys, properties, users, clock, blocking));
        for (TrustedIssuer issuer : properties.issuers()) {
            if (decoders.put(issuer.issuerUri(), external(issuer, clock)) != null) {
                throw new IllegalStateException("The issuer " + issuer.issuerUri() + " is configured twice");
            }
        }
        return new VerifiedTokenCache(new DecoderByIssuer(decoders), clock);
    }

    private static ReactiveJwtDecoder builtIn(
            SigningKeys keys, AuthProperties properties, UserRepository users, Clock clock, BlockingWork blocking) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        (SignedJWT token) -> verificationKey(keys, blocking, token))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                validator(properties.issuer(), clock),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(AccessTokens.AUDIENCE))));
        return new ExistingUserCheck(decoder, users, blocking);
    }

    private static ReactiveJwtDecoder external(TrustedIssuer issuer, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        issuer.jwkSetLocation().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                validator(issuer.issuerUri(), clock), new ClientValidator(issuer.audiences())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                timestamps,
                new JwtIssuerValidator(issuer));
    }

    private static Flux<JWK> verificationKey(SigningKeys keys, BlockingWork blocking, SignedJWT token) {
        String keyId = token.getHeader().getKeyID();
        if (keyId == null) {
            return Flux.empty();
        }
        return keys.verificationKey(keyId)
                .map(key -> Flux.<JWK>just(key))
                .orElseGet(() -> blocking.of(() -> keys.reloadedVerificationKey(keyId))
                        .flatMapMany(found -> Flux.fromStream(found.<JWK>map(key -> key).stream())));
    }
}

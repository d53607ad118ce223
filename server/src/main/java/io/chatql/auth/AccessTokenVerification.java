package io.chatql.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.chatql.system.BlockingWork;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The decoder that accepts an access token only when one of this server's keys signed it with RS256,
 * for this issuer, and it has not expired; anything else, {@code alg: none} included, is refused. A key
 * id this node does not know makes it read the keys again, for another node may have just rotated.
 * Each token is verified once while it is valid.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(
            SigningKeys keys, AuthProperties properties, Clock clock, BlockingWork blocking) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        (SignedJWT token) -> verificationKey(keys, blocking, token))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(properties.issuer())));
        return new VerifiedTokenCache(decoder, clock);
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

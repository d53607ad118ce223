package io.chatql.auth;

import com.nimbusds.jose.JOSEException;
import io.chatql.system.BlockingWork;
import io.chatql.user.UserRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The decoder that accepts an access token only when this server's key signed it with RS256, for this
 * issuer and audience, it has not expired and its user still exists; anything else, {@code alg: none}
 * included, is refused. Each token is verified once a minute at most while it is valid.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(
            SigningKeys keys, AuthProperties properties, UserRepository users, BlockingWork blocking)
            throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(
                        keys.current().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(AccessTokens.AUDIENCE))));
        return new VerifiedTokenCache(new ExistingUserCheck(decoder, users, blocking), Clock.systemUTC());
    }
}

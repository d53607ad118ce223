package io.chatql.auth;

import com.nimbusds.jose.JOSEException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The decoder that accepts an access token only when this server's key signed it with RS256, for this
 * issuer, and it has not expired; anything else, {@code alg: none} included, is refused. Each token
 * is verified once while it is valid.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SigningKeys keys, AuthProperties properties) throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(
                        keys.current().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return new VerifiedTokenCache(decoder, Clock.systemUTC());
    }
}

package io.chatql.auth;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token with the decoder of the issuer it names. The {@code iss} is read without checking
 * the signature only to choose the decoder, which then checks everything, the issuer included; a token
 * of any other issuer is refused.
 */
final class DecoderByIssuer implements ReactiveJwtDecoder {

    private final Map<String, ReactiveJwtDecoder> decoders;

    DecoderByIssuer(Map<String, ReactiveJwtDecoder> decoders) {
        this.decoders = Map.copyOf(decoders);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException ex) {
            return Mono.error(new BadJwtException("The token is not a JWT"));
        }
        ReactiveJwtDecoder decoder = issuer == null ? null : decoders.get(issuer);
        if (decoder == null) {
            return Mono.error(new BadJwtException("The token's issuer is not trusted"));
        }
        return decoder.decode(token);
    }
}

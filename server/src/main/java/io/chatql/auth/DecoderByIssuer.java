package io.chatql.auth;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token with the decoder of the issuer it names. The {@code iss} is read without checking
 * the signature only to choose the decoder, which then checks everything, the issuer included; a token
 * of any other issuer is refused, and so is anything that is not a signed JWT: an encrypted one (five
 * parts), an unsecured one ({@code alg: none}), or text that does not parse.
 */
final class DecoderByIssuer implements ReactiveJwtDecoder {

    private final Map<String, ReactiveJwtDecoder> decoders;

    DecoderByIssuer(Map<String, ReactiveJwtDecoder> decoders) {
        this.decoders = Map.copyOf(decoders);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        SignedJWT signed = signedJwt(token);
        if (signed == null) {
            return Mono.error(new BadJwtException("The token is not a signed JWT"));
        }
        String issuer;
        try {
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException ex) {
            return Mono.error(new BadJwtException("The token's claims are not a JSON object"));
        }
        ReactiveJwtDecoder decoder = issuer == null ? null : decoders.get(issuer);
        if (decoder == null) {
            return Mono.error(new BadJwtException("The token's issuer is not trusted"));
        }
        return decoder.decode(token);
    }

    /**
     * The token as a signed JWT, or null. The parser throws unchecked exceptions on some malformed
     * input too, which are the client's mistake like the others.
     */
    private static @Nullable SignedJWT signedJwt(String token) {
        try {
            return JWTParser.parse(token) instanceof SignedJWT signed ? signed : null;
        } catch (ParseException | RuntimeException ex) {
            return null;
        }
    }
}

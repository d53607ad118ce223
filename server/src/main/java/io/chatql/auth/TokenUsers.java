package io.chatql.auth;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The user a verified token stands for: its subject, with the roles of its {@code roles} claim, or
 * just {@code user} when it has none. Nothing is read from the database.
 */
class TokenUsers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        List<String> roles =
                token.hasClaim(Roles.CLAIM) ? token.getClaimAsStringList(Roles.CLAIM) : List.of(Roles.USER);
        return Mono.just(new JwtAuthenticationToken(token, Roles.authorities(roles), token.getSubject()));
    }
}

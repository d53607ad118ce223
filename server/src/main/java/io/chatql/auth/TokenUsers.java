package io.chatql.auth;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The user a verified token stands for. A token of this server stands for its subject, with the roles
 * of its {@code roles} claim, or just {@code user} when it has none; nothing is read from the
 * database. A token of an external issuer stands for the user made for its subject, with the role
 * {@code user}.
 */
@Component
class TokenUsers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String issuer;

    private final ExternalUsers externalUsers;

    TokenUsers(AuthProperties properties, ExternalUsers externalUsers) {
        this.issuer = properties.issuer();
        this.externalUsers = externalUsers;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        if (issuer.equals(token.getClaimAsString(JwtClaimNames.ISS))) {
            List<String> roles =
                    token.hasClaim(Roles.CLAIM) ? token.getClaimAsStringList(Roles.CLAIM) : List.of(Roles.USER);
            return Mono.just(new JwtAuthenticationToken(token, Roles.authorities(roles), token.getSubject()));
        }
        return externalUsers
                .userIdOf(token)
                .map(userId -> new JwtAuthenticationToken(token, Roles.authorities(List.of(Roles.USER)), userId));
    }
}

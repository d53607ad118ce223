package io.chatql.auth;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token of an external issuer only when it was issued to one of the configured clients, as
 * its {@code aud} (ID tokens), {@code client_id} (Cognito access tokens) or {@code azp} (Keycloak
 * access tokens) says, and, when it has a Cognito {@code token_use}, only ID and access tokens.
 */
final class ClientValidator implements OAuth2TokenValidator<Jwt> {

    private static final Set<String> TOKEN_USES = Set.of("id", "access");

    private final Set<String> clients;

    ClientValidator(List<String> clients) {
        this.clients = Set.copyOf(clients);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tokenUse = token.getClaimAsString("token_use");
        if (tokenUse != null && !TOKEN_USES.contains(tokenUse)) {
            return refuse("token_use " + tokenUse + " is not accepted");
        }
        Stream<String> audiences = token.getAudience() == null ? Stream.empty() : token.getAudience().stream();
        boolean forClient = Stream.concat(
                        audiences, Stream.of(token.getClaimAsString("client_id"), token.getClaimAsString("azp")))
                .filter(Objects::nonNull)
                .anyMatch(clients::contains);
        return forClient ? OAuth2TokenValidatorResult.success() : refuse("The token is not for an accepted client");
    }

    private static OAuth2TokenValidatorResult refuse(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

package io.chatql.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Proves who sends a request or opens a connection, from the credentials read from it: an access
 * token, of this server or of a trusted external issuer, or an API key. HTTP requests and every real-time protocol authenticate here, so they accept the same
 * credentials, and refuse bad ones with the same fixed message, {@value #NOT_VALID}: what was wrong
 * with them goes to the debug log only, for the parsers' words can name their classes. Credentials
 * of a disabled account are refused alike ({@link DisabledAccounts}).
 */
@Component
public class RequestAuthentication implements ReactiveAuthenticationManager {

    static final String NOT_VALID = "The credentials are not valid";

    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthentication.class);

    private final JwtReactiveAuthenticationManager tokens;

    private final ApiKeys apiKeys;

    private final DisabledAccounts disabledAccounts;

    RequestAuthentication(
            ReactiveJwtDecoder accessTokenDecoder,
            TokenUsers users,
            ApiKeys apiKeys,
            DisabledAccounts disabledAccounts) {
        this.tokens = new JwtReactiveAuthenticationManager(accessTokenDecoder);
        this.tokens.setJwtAuthenticationConverter(users);
        this.apiKeys = apiKeys;
        this.disabledAccounts = disabledAccounts;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credentials) {
        if (credentials instanceof ApiKeyAuthenticationToken apiKey) {
            return apiKeys.authenticate(apiKey.key())
                    .flatMap(disabledAccounts::requireEnabled)
                    .onErrorMap(RequestAuthentication::refused, ex -> {
                        LOG.debug("Refused an API key: {}", ex.getMessage());
                        return new BadCredentialsException(NOT_VALID);
                    });
        }
        return tokens.authenticate(credentials)
                .flatMap(disabledAccounts::requireEnabled)
                .onErrorMap(RequestAuthentication::refused, ex -> {
                    LOG.debug("Refused an access token: {}", ex.getMessage());
                    return new InvalidBearerTokenException(NOT_VALID);
                });
    }

    /** Whether {@code ex} refuses the credentials, rather than says they could not be checked. */
    private static boolean refused(Throwable ex) {
        return ex instanceof AuthenticationException && !(ex instanceof AuthenticationServiceException);
    }
}

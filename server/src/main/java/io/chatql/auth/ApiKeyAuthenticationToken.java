package io.chatql.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key as read from a request, before it is checked; once checked, the bot user it acts as,
 * with the role {@code user}.
 */
final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

    private final String key;

    private final String userId;

    private ApiKeyAuthenticationToken(String key, String userId, boolean authenticated) {
        super(authenticated ? Roles.authorities(List.of(Roles.USER)) : List.of());
        this.key = key;
        this.userId = userId;
        setAuthenticated(authenticated);
    }

    /** The key sent, as yet unchecked. */
    static ApiKeyAuthenticationToken unchecked(String key) {
        return new ApiKeyAuthenticationToken(key, "", false);
    }

    /** The bot user a valid key acts as. */
    static ApiKeyAuthenticationToken actingAs(String userId) {
        return new ApiKeyAuthenticationToken("", userId, true);
    }

    String key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }
}

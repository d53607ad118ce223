package io.chatql.system;

import graphql.GraphQLContext;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;

/**
 * The user a GraphQL operation runs as, a parameter of the controller methods that need it. It is
 * taken from the request's authentication once per operation ({@link CallerInterceptor}) and handed
 * to each data fetcher from the operation's context ({@link CallerArgumentResolver}).
 *
 * @param administrator whether the caller has the role {@code admin}
 */
public record Caller(String id, boolean administrator) {

    /** The authority of the role {@code admin}. */
    public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /**
     * The caller of the operation whose context this is, for the data fetchers that take no {@code
     * Caller} parameter, such as batch mappings; refuses an operation without one.
     */
    public static Caller of(GraphQLContext context) {
        Caller caller = context.get(Caller.class);
        if (caller == null) {
            throw new AuthenticationCredentialsNotFoundException("The operation needs an authenticated user");
        }
        return caller;
    }

    /** The caller that {@code authentication} signs in. */
    static Caller of(Authentication authentication) {
        boolean administrator = authentication.getAuthorities().stream()
                .anyMatch(granted -> ADMIN_AUTHORITY.equals(granted.getAuthority()));
        return new Caller(authentication.getName(), administrator);
    }
}

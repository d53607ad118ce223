package io.chatql.system;

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

    /** The caller that {@code authentication} signs in. */
    static Caller of(Authentication authentication) {
        boolean administrator = authentication.getAuthorities().stream()
                .anyMatch(granted -> ADMIN_AUTHORITY.equals(granted.getAuthority()));
        return new Caller(authentication.getName(), administrator);
    }
}

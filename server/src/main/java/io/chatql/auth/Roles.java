package io.chatql.auth;

import io.chatql.system.Caller;
import io.chatql.system.ForbiddenException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles of users: every user has {@code user}, an administrator also {@code admin}. Access tokens
 * carry them in the claim {@code roles}; they become the authorities {@code ROLE_USER} and {@code
 * ROLE_ADMIN}.
 */
public final class Roles {

    static final String CLAIM = "roles";

    static final String USER = "user";

    static final String ADMIN = "admin";

    private static final String ADMIN_AUTHORITY = authority(ADMIN);

    static {
        if (!ADMIN_AUTHORITY.equals(Caller.ADMIN_AUTHORITY)) {
            throw new IllegalStateException("the callers' administrators must be those of the role admin");
        }
    }

    private Roles() {}

    static List<GrantedAuthority> authorities(Collection<String> roles) {
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(authority(role)))
                .toList();
    }

    /** Refuses, as FORBIDDEN, a caller who is not an administrator. */
    public static void requireAdmin(Authentication caller) {
        boolean admin =
                caller.getAuthorities().stream().anyMatch(granted -> ADMIN_AUTHORITY.equals(granted.getAuthority()));
        if (!admin) {
            throw new ForbiddenException("only an administrator may do this");
        }
    }

    private static String authority(String role) {
        return "ROLE_" + role.toUpperCase(Locale.ROOT);
    }
}

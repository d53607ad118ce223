package io.chatql.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits failed attempts at a password (sign-in, password change) per username and per client address,
 * and at a mailed code per client address (a code dies after 5 attempts anyway). Once too many fail,
 * the next attempts are refused, right or wrong, until the lockout ends; lockouts grow, see {@link
 * FailedAttempts}. The counts live in each node's memory, so with several nodes each counts its own; at
 * most {@value #CAPACITY} usernames and as many addresses are kept.
 */
@Component
class AttemptLimits {

    static final int CAPACITY = 100_000;

    /** Longer than any valid username, so that a long guess costs no more memory. */
    private static final int MAX_USERNAME_KEY_LENGTH = 64;

    private final FailedAttempts byUsername;

    private final FailedAttempts byAddress;

    AttemptLimits(AttemptLimitProperties properties) {
        Clock clock = Clock.systemUTC();
        this.byUsername = new FailedAttempts(
                properties.perUsername(), properties.window(), properties.maxLockout(), CAPACITY, clock);
        this.byAddress = new FailedAttempts(
                properties.perAddress(), properties.window(), properties.maxLockout(), CAPACITY, clock);
    }

    /**
     * Refuses with {@link TooManyAttemptsException} while {@code username} (when given) or {@code
     * address} is locked.
     */
    void check(@Nullable String username, String address) {
        Duration wait = byAddress.waitOf(address);
        if (username != null) {
            Duration usernameWait = byUsername.waitOf(key(username));
            wait = usernameWait.compareTo(wait) > 0 ? usernameWait : wait;
        }
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(wait);
        }
    }

    void failed(@Nullable String username, String address) {
        byAddress.failed(address);
        if (username != null) {
            byUsername.failed(key(username));
        }
    }

    /** Forgets the failures of {@code username}, whose password was right; its address's stay counted. */
    void succeeded(String username) {
        byUsername.succeeded(key(username));
    }

    /** Usernames are unique ignoring case. */
    private static String key(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() > MAX_USERNAME_KEY_LENGTH ? key.substring(0, MAX_USERNAME_KEY_LENGTH) : key;
    }
}

package io.chatql.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed attempts at a password or a mailed code; see {@link AttemptLimits}.
 *
 * @param perUsername failed sign-ins and password changes of one username allowed within {@code window}
 * @param perAddress failed attempts of any kind from one client address allowed within {@code window}
 * @param window the period over which failures are counted, and the first lockout once too many are;
 *     each further lockout of the same username or address is twice as long
 * @param maxLockout the longest lockout
 */
@ConfigurationProperties("chatql.auth.attempts")
record AttemptLimitProperties(
        @DefaultValue("5") int perUsername,
        @DefaultValue("20") int perAddress,
        @DefaultValue("1m") Duration window,
        @DefaultValue("1h") Duration maxLockout) {}

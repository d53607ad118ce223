package io.chatql.presence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A user's presence as one viewer is shown it, served as the type {@code Presence}.
 *
 * @param lastSeenAt when the user was last seen, an ISO instant to the minute; null while they are
 *     connected, when they hide it from the viewer, or if they were never seen
 */
public record Presence(
        String userId, PresenceStatus status, @Nullable String lastSeenAt) {

    /** When {@code seenAt} was, to the minute, as it is served. */
    static String toTheMinute(Instant seenAt) {
        return seenAt.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}

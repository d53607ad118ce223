package io.chatql.presence;

import io.chatql.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A user's presence as one viewer is shown it, served as the type {@code Presence}.
 *
 * @param lastSeenAt when the user was last seen, an ISO instant to the minute; null while they are
 *     connected, when they hide it from the viewer, or if they were never seen
 * @param user the user, when it is at hand already, as for a change told to many viewers; read with
 *     the others of a result otherwise
 */
public record Presence(
        String userId,
        PresenceStatus status,
        @Nullable String lastSeenAt,
        @Nullable User user) {

    Presence(String userId, PresenceStatus status, @Nullable String lastSeenAt) {
        this(userId, status, lastSeenAt, null);
    }

    /** When {@code seenAt} was, to the minute, as it is served. */
    static String toTheMinute(Instant seenAt) {
        return seenAt.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}

package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;
import io.chatql.user.User;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's presence changed, as this node derives it: each node derives it for itself from the
 * relayed connections, so it is delivered on this node only.
 *
 * @param lastSeenAt when the user was last seen, for an offline user
 * @param lastSeenShown whether the user lets others see when they were last seen
 */
@LiveEventName("presence.changed")
record PresenceChanged(
        String userId, PresenceStatus status, @Nullable Instant lastSeenAt, boolean lastSeenShown)
        implements LiveEvent {

    @Override
    public String topic() {
        return userId;
    }

    /** The presence as {@code viewerId} is shown it: when the user was last seen only if they show it. */
    Presence viewedBy(String viewerId) {
        return viewedBy(viewerId, null);
    }

    /** The same, with the {@code user} it is the presence of, when it is at hand. */
    Presence viewedBy(String viewerId, @Nullable User user) {
        boolean told =
                lastSeenAt != null && status == PresenceStatus.OFFLINE && (lastSeenShown || viewerId.equals(userId));
        return new Presence(userId, status, told ? Presence.toTheMinute(lastSeenAt) : null, user);
    }
}

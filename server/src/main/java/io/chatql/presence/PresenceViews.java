package io.chatql.presence;

import io.chatql.conversation.ConversationAccess;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The presence of users as a viewer is shown it: only for the viewer and the people who share a
 * conversation with them; the status from the connections, and, for an offline user, when they were
 * last seen, the later of what this node saw and what is stored, unless they hide it from others.
 */
@Component
class PresenceViews {

    private final PresenceDirectory directory;

    private final PresenceRepository repository;

    private final ConversationAccess access;

    PresenceViews(PresenceDirectory directory, PresenceRepository repository, ConversationAccess access) {
        this.directory = directory;
        this.repository = repository;
        this.access = access;
    }

    /** The presence of those of {@code userIds} whom {@code viewerId} may know it of; blocks on the database. */
    Map<String, Presence> viewedBy(String viewerId, Collection<String> userIds) {
        return of(viewerId, access.contactsAmong(viewerId, userIds));
    }

    /** The presence of {@code contacts}, who are the viewer's, as the viewer is shown it; blocks on the database. */
    Map<String, Presence> of(String viewerId, Collection<String> contacts) {
        Map<String, PresenceRepository.StoredPresence> stored = repository.findAll(contacts);
        Map<String, Presence> views = new HashMap<>();
        for (String userId : contacts) {
            PresenceRepository.StoredPresence known =
                    stored.getOrDefault(userId, PresenceRepository.StoredPresence.NONE);
            PresenceStatus status = directory.statusOf(userId);
            Instant seenAt =
                    status == PresenceStatus.OFFLINE ? later(directory.lastSeenOf(userId), known.lastSeenAt()) : null;
            views.put(userId, new PresenceChanged(userId, status, seenAt, known.lastSeenShown()).viewedBy(viewerId));
        }
        return views;
    }

    private static @Nullable Instant later(@Nullable Instant seen, @Nullable Instant stored) {
        if (seen == null || stored == null) {
            return seen == null ? stored : seen;
        }
        return seen.isAfter(stored) ? seen : stored;
    }
}

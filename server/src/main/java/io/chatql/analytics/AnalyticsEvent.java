package io.chatql.analytics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event to store.
 *
 * @param attributes the client's attributes as a JSON object, or null without any
 */
record AnalyticsEvent(
        Source source,
        String type,
        String userId,
        Instant occurredAt,
        @Nullable String sessionId,
        @Nullable String attributes,
        @Nullable Long durationMs) {

    /** An event the server records of one of its own actions, happening now. */
    static AnalyticsEvent server(String type, String userId, Instant now) {
        return new AnalyticsEvent(Source.SERVER, type, userId, now, null, null, null);
    }

    /** Who recorded the event: what clients report is kept apart from what the server knows. */
    enum Source {
        CLIENT,
        SERVER
    }
}

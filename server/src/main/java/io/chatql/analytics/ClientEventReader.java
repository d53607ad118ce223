package io.chatql.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a batch of client events from its JSON, {@code {"events": [...]}}, refusing the whole batch at
 * its first bad event with a message that names the event's index and the field, such as {@code
 * events[3].type: unknown event type "foo"}. Fields it does not know are ignored.
 */
final class ClientEventReader {

    static final int MAX_EVENTS_PER_BATCH = 100;

    static final int MAX_SESSION_ID_LENGTH = 64;

    static final int MAX_ATTRIBUTES = 10;

    static final int MAX_ATTRIBUTE_KEY_LENGTH = 50;

    static final int MAX_ATTRIBUTE_VALUE_LENGTH = 200;

    static final Duration MAX_DURATION = Duration.ofDays(7);

    /** Clocks differ: an event may be this far ahead of the server's. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    /** Events queued while offline may be sent days later. */
    static final Duration MAX_AGE = Duration.ofDays(7);

    private static final String INSTANT_REQUIRED = "required, an ISO-8601 instant such as 2026-11-25T10:00:00.000Z";

    private ClientEventReader() {}

    /** The events of {@code batch}, sent by {@code userId} and received {@code now}. */
    static List<AnalyticsEvent> read(JsonNode batch, String userId, Instant now) {
        JsonNode events = batch.get("events");
        if (events == null || !events.isArray()) {
            throw new InvalidEventException("events: required, an array of events");
        }
        if (events.size() > MAX_EVENTS_PER_BATCH) {
            throw new InvalidEventException(
                    "events: at most " + MAX_EVENTS_PER_BATCH + " events per batch, not " + events.size());
        }
        List<AnalyticsEvent> read = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            read.add(event(events.get(index), "events[" + index + "]", userId, now));
        }
        return read;
    }

    private static AnalyticsEvent event(JsonNode event, String name, String userId, Instant now) {
        if (!event.isObject()) {
            throw invalid(name, "must be an object");
        }
        String type = type(event.get("type"), name + ".type");
        Instant timestamp = timestamp(event.get("timestamp"), name + ".timestamp", now);
        String sessionId = sessionId(event.get("sessionId"), name + ".sessionId");
        JsonNode attributes = attributes(event.get("attributes"), name + ".attributes");
        if (type.equals(EventTypes.PAGE_VIEW) && (attributes == null || attributes.get("path") == null)) {
            throw invalid(name + ".attributes.path", "required for " + EventTypes.PAGE_VIEW);
        }
        Long durationMs = durationMs(event.get("durationMs"), name + ".durationMs");
        if (type.equals(EventTypes.SESSION_STOP) && durationMs == null) {
            throw invalid(name + ".durationMs", "required for " + EventTypes.SESSION_STOP);
        }
        return new AnalyticsEvent(
                AnalyticsEvent.Source.CLIENT,
                type,
                userId,
                timestamp,
                sessionId,
                attributes == null || attributes.isEmpty() ? null : attributes.toString(),
                durationMs);
    }

    private static String type(@Nullable JsonNode type, String name) {
        if (absent(type) || !type.isString()) {
            throw invalid(name, "required, one of " + String.join(", ", EventTypes.CLIENT));
        }
        if (!EventTypes.CLIENT.contains(type.stringValue())) {
            throw invalid(name, "unknown event type " + type);
        }
        return type.stringValue();
    }

    private static Instant timestamp(@Nullable JsonNode timestamp, String name, Instant now) {
        if (absent(timestamp) || !timestamp.isString()) {
            throw invalid(name, INSTANT_REQUIRED);
        }
        Instant instant;
        try {
            instant = Instant.parse(timestamp.stringValue());
        } catch (DateTimeParseException ex) {
            throw invalid(name, INSTANT_REQUIRED);
        }
        if (instant.isAfter(now.plus(MAX_AHEAD))) {
            throw invalid(name, "more than " + MAX_AHEAD.toMinutes() + " minutes in the future");
        }
        if (instant.isBefore(now.minus(MAX_AGE))) {
            throw invalid(name, "older than " + MAX_AGE.toDays() + " days");
        }
        return instant;
    }

    private static String sessionId(@Nullable JsonNode sessionId, String name) {
        if (absent(sessionId)
                || !sessionId.isString()
                || sessionId.stringValue().isEmpty()) {
            throw invalid(name, "required, a string");
        }
        if (sessionId.stringValue().length() > MAX_SESSION_ID_LENGTH) {
            throw invalid(name, "must be at most " + MAX_SESSION_ID_LENGTH + " characters");
        }
        return sessionId.stringValue();
    }

    private static @Nullable JsonNode attributes(@Nullable JsonNode attributes, String name) {
        if (absent(attributes)) {
            return null;
        }
        if (!attributes.isObject()) {
            throw invalid(name, "must be an object of strings");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid(name, "at most " + MAX_ATTRIBUTES + " entries, not " + attributes.size());
        }
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            String key = attribute.getKey();
            if (key.isEmpty() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH) {
                throw invalid(name, "keys must be 1 to " + MAX_ATTRIBUTE_KEY_LENGTH + " characters");
            }
            JsonNode value = attribute.getValue();
            if (!value.isString()) {
                throw invalid(name + "." + key, "must be a string");
            }
            if (value.stringValue().length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw invalid(name + "." + key, "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            }
        }
        return attributes;
    }

    private static @Nullable Long durationMs(@Nullable JsonNode durationMs, String name) {
        if (absent(durationMs)) {
            return null;
        }
        if (!durationMs.isIntegralNumber()
                || !durationMs.canConvertToLong()
                || durationMs.longValue() < 0
                || durationMs.longValue() > MAX_DURATION.toMillis()) {
            throw invalid(
                    name, "must be a whole number of milliseconds from 0 to " + MAX_DURATION.toMillis() + " (7 days)");
        }
        return durationMs.longValue();
    }

    private static boolean absent(@Nullable JsonNode value) {
        return value == null || value.isNull();
    }

    private static InvalidEventException invalid(String field, String problem) {
        return new InvalidEventException(field + ": " + problem);
    }
}

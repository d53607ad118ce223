package io.chatql.analytics;

import io.chatql.system.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole intervals, hours or days in UTC, that a queried range [from, to) touches.
 *
 * @param start the start of the first interval
 * @param end the end of the last interval
 */
record ReportRange(Instant start, Instant end, ChronoUnit unit) {

    /** The longest range of a query. */
    static final Duration MAX_SPAN = Duration.ofDays(400);

    /**
     * The range from {@code from} to {@code to}, ISO dates or instants, widened to whole {@code unit}s.
     * Refuses a malformed, empty or reversed range, and one longer than {@code maxSpan}.
     */
    static ReportRange of(String from, String to, ChronoUnit unit, Duration maxSpan) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to must be after from");
        }
        if (Duration.between(start, end).compareTo(maxSpan) > 0) {
            throw new InvalidInputException("from and to may be at most " + maxSpan.toDays() + " days apart");
        }
        return new ReportRange(start, end, unit).widenedTo(unit);
    }

    /** This range widened to whole {@code wider} units, such as the days of a range of hours. */
    ReportRange widenedTo(ChronoUnit wider) {
        Instant widerStart = start.truncatedTo(wider);
        Instant widerEnd = end.truncatedTo(wider);
        return new ReportRange(widerStart, widerEnd.equals(end) ? end : widerEnd.plus(1, wider), wider);
    }

    /** The start of each interval, in order. */
    List<Instant> intervalStarts() {
        List<Instant> starts = new ArrayList<>();
        for (Instant interval = start; interval.isBefore(end); interval = interval.plus(1, unit)) {
            starts.add(interval);
        }
        return starts;
    }

    /** Which interval {@code instant}, within the range, falls in. */
    int intervalOf(Instant instant) {
        return (int) unit.between(start, instant);
    }

    LocalDate firstDay() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** The day after the last, as the range's end is exclusive. */
    LocalDate endDay() {
        return LocalDate.ofInstant(end, ZoneOffset.UTC);
    }

    private static Instant instant(String argument, String value) {
        try {
            return value.length() == "2026-11-01".length()
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw new InvalidInputException(
                    argument + " must be an ISO date such as 2026-11-01 or an instant such as 2026-11-01T00:00:00Z");
        }
    }
}

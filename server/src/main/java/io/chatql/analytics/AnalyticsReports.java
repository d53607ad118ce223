package io.chatql.analytics;

import io.chatql.analytics.AggregateRepository.HourlyCount;
import io.chatql.system.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The series and totals of the administrators' queries, read from the aggregates once every event
 * stored so far has been rolled up into them.
 */
@Service
class AnalyticsReports {

    private final AnalyticsRollup rollup;

    private final AggregateRepository aggregates;

    private final RealtimeActivity realtime;

    AnalyticsReports(AnalyticsRollup rollup, AggregateRepository aggregates, RealtimeActivity realtime) {
        this.rollup = rollup;
        this.aggregates = aggregates;
        this.realtime = realtime;
    }

    /** One point per interval of the range, zeros included. Active users are counted per day only. */
    List<AnalyticsPoint> series(AnalyticsSeries series, ReportRange range) {
        if (series.activeUserWindowDays() > 0 && range.unit() != ChronoUnit.DAYS) {
            throw new InvalidInputException("active users are counted per day: use the interval DAY");
        }
        rollup.rollUp();
        List<Instant> starts = range.intervalStarts();
        double[] values = series.activeUserWindowDays() > 0
                ? activeUsers(series.activeUserWindowDays(), starts)
                : counts(series, range, starts.size());
        List<AnalyticsPoint> points = new ArrayList<>(starts.size());
        for (int interval = 0; interval < starts.size(); interval++) {
            points.add(new AnalyticsPoint(starts.get(interval).toString(), values[interval]));
        }
        return points;
    }

    /** The totals of the whole hours the range touches; active users over its whole days. */
    AnalyticsTotals totals(ReportRange hours) {
        rollup.rollUp();
        Map<String, Long> counts = new HashMap<>();
        long sessionMillis = 0;
        for (HourlyCount hour : aggregates.hourly(allEventTypes(), hours.start(), hours.end())) {
            counts.merge(hour.type(), hour.count(), Long::sum);
            if (hour.type().equals(EventTypes.SESSION_STOP)) {
                sessionMillis += hour.durationMs();
            }
        }
        long stoppedSessions = counts.getOrDefault(EventTypes.SESSION_STOP, 0L);
        ReportRange days = hours.widenedTo(ChronoUnit.DAYS);
        return new AnalyticsTotals(
                count(counts, EventTypes.MESSAGE_SENT),
                count(counts, EventTypes.CONVERSATION_CREATED),
                count(counts, EventTypes.SIGN_UP),
                count(counts, EventTypes.SIGN_IN),
                count(counts, EventTypes.SESSION_START),
                averageSeconds(sessionMillis, stoppedSessions),
                Math.toIntExact(aggregates.activeUsers(days.firstDay(), days.endDay())),
                count(counts, EventTypes.PAGE_VIEW),
                realtime.openConnections(),
                realtime.activeSubscriptions());
    }

    private double[] counts(AnalyticsSeries series, ReportRange range, int intervals) {
        String type = Objects.requireNonNull(series.eventType());
        long[] counts = new long[intervals];
        long[] durations = new long[intervals];
        for (HourlyCount hour : aggregates.hourly(List.of(type), range.start(), range.end())) {
            int interval = range.intervalOf(hour.hourStart());
            counts[interval] += hour.count();
            durations[interval] += hour.durationMs();
        }
        double[] values = new double[intervals];
        for (int interval = 0; interval < intervals; interval++) {
            values[interval] = series == AnalyticsSeries.AVERAGE_SESSION_SECONDS
                    ? averageSeconds(durations[interval], counts[interval])
                    : counts[interval];
        }
        return values;
    }

    /** For each day, the distinct users active in the {@code windowDays} days ending with it. */
    private double[] activeUsers(int windowDays, List<Instant> days) {
        double[] values = new double[days.size()];
        if (windowDays == 1) {
            LocalDate first = day(days.get(0));
            Map<LocalDate, Long> perDay = aggregates.activeUsersPerDay(first, first.plusDays(days.size()));
            for (int interval = 0; interval < days.size(); interval++) {
                values[interval] = perDay.getOrDefault(day(days.get(interval)), 0L);
            }
            return values;
        }
        for (int interval = 0; interval < days.size(); interval++) {
            LocalDate last = day(days.get(interval));
            values[interval] = aggregates.activeUsers(last.minusDays(windowDays - 1L), last.plusDays(1));
        }
        return values;
    }

    private static List<String> allEventTypes() {
        List<String> types = new ArrayList<>(EventTypes.CLIENT);
        types.addAll(List.of(
                EventTypes.MESSAGE_SENT, EventTypes.CONVERSATION_CREATED, EventTypes.SIGN_UP, EventTypes.SIGN_IN));
        return types;
    }

    private static int count(Map<String, Long> counts, String type) {
        return Math.toIntExact(counts.getOrDefault(type, 0L));
    }

    private static double averageSeconds(long totalMillis, long sessions) {
        return sessions == 0 ? 0 : totalMillis / 1000.0 / sessions;
    }

    private static LocalDate day(Instant start) {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }
}

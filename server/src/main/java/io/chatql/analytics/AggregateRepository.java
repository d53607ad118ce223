package io.chatql.analytics;

import static io.chatql.analytics.AnalyticsEventRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for the aggregates: event counts per type and hour, and the users active on each day. Only
 * the roll-up writes them, holding {@link #lockRollup()}, so adding to a count is a read-free update.
 */
@Repository
class AggregateRepository {

    private final JdbcClient jdbc;

    AggregateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, and holds until the transaction ends, the right to roll events up. */
    void lockRollup() {
        jdbc.sql("select name from analytics_rollup where name = 'events' for update")
                .query(String.class)
                .single();
    }

    /** Adds {@code count} events of {@code type}, lasting {@code durationMs} in all, to the hour. */
    void addToHour(String type, Instant hourStart, long count, long durationMs) {
        int updated = jdbc.sql("""
                        update analytics_hourly set event_count = event_count + :count, duration_ms = duration_ms + :duration
                        where event_type = :type and hour_start = :hour""")
                .param("count", count)
                .param("duration", durationMs)
                .param("type", type)
                .param("hour", utc(hourStart))
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into analytics_hourly (event_type, hour_start, event_count, duration_ms) values (?, ?, ?, ?)")
                    .params(type, utc(hourStart), count, durationMs)
                    .update();
        }
    }

    /** Records that the user was active on {@code day}; once per day and user. */
    void markActive(LocalDate day, String userId) {
        boolean known = jdbc.sql("select count(*) from daily_active_user where active_on = ? and user_id = ?")
                        .params(day, userId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            jdbc.sql("insert into daily_active_user (active_on, user_id) values (?, ?)")
                    .params(day, userId)
                    .update();
        }
    }

    /** The hourly counts of these types for the hours starting in [from, to). */
    List<HourlyCount> hourly(Collection<String> types, Instant from, Instant to) {
        return jdbc.sql("""
                        select event_type, hour_start, event_count, duration_ms from analytics_hourly
                        where event_type in (:types) and hour_start >= :from and hour_start < :to""")
                .param("types", types)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> new HourlyCount(
                        rs.getString("event_type"),
                        rs.getObject("hour_start", OffsetDateTime.class).toInstant(),
                        rs.getLong("event_count"),
                        rs.getLong("duration_ms")))
                .list();
    }

    /** How many users were active on each day in [from, to) with any activity. */
    Map<LocalDate, Long> activeUsersPerDay(LocalDate from, LocalDate to) {
        return jdbc
                .sql(
                        "select active_on, count(*) as users from daily_active_user where active_on >= ? and active_on < ? group by active_on")
                .params(from, to)
                .query((rs, row) -> Map.entry(rs.getObject("active_on", LocalDate.class), rs.getLong("users")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** How many distinct users were active on any day in [from, to). */
    long activeUsers(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(distinct user_id) from daily_active_user where active_on >= ? and active_on < ?")
                .params(from, to)
                .query(Long.class)
                .single();
    }

    /** Deletes the hourly counts and active days before {@code cutoff}. */
    void deleteBefore(Instant cutoff) {
        jdbc.sql("delete from analytics_hourly where hour_start < ?")
                .param(utc(cutoff))
                .update();
        jdbc.sql("delete from daily_active_user where active_on < ?")
                .param(LocalDate.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }

    /** The events of one type in one hour, and their summed duration in milliseconds. */
    record HourlyCount(String type, Instant hourStart, long count, long durationMs) {}
}

package io.chatql.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Analytics: clients send batches of events, refused whole when one is bad or the user sends too many;
 * the server records its own events; administrators, and only they, read series and totals of both.
 */
@TestPropertySource(properties = "chatql.auth.admin-username=" + AnalyticsIntegrationTests.ADMIN)
abstract class AnalyticsIntegrationTests extends IntegrationTest {

    static final String ADMIN = "analyst";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AnalyticsRetention retention;

    private Account admin;

    @BeforeEach
    void signInAdmin() {
        admin = client().signUpOnce(ADMIN);
    }

    @Test
    void clientEventsAppearInTheSeriesAndTotalsApartFromTheServersCounts() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(50, ChronoUnit.HOURS);
        Account alice = signUp("alice");

        postEvents(
                        alice,
                        List.of(
                                event(EventTypes.SESSION_START, hour.plusSeconds(60)),
                                event(EventTypes.SESSION_START, hour.plusSeconds(120)),
                                with(event(EventTypes.SESSION_STOP, hour.plusSeconds(600)), "durationMs", 30_000),
                                with(event(EventTypes.SESSION_STOP, hour.plusSeconds(1200)), "durationMs", 90_000),
                                event(EventTypes.CLIENT_MESSAGE_SENT, hour.plusSeconds(300)),
                                event(EventTypes.CLIENT_MESSAGE_SENT, hour.plusSeconds(310)),
                                event(EventTypes.CLIENT_CONVERSATION_CREATED, hour.plusSeconds(200)),
                                with(
                                        event(EventTypes.PAGE_VIEW, hour.plusSeconds(100)),
                                        "attributes",
                                        Map.of("path", "/chat"))))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(8);

        String from = hour.toString();
        String to = hour.plus(3, ChronoUnit.HOURS).toString();
        assertThat(starts("SESSIONS", from, to, "HOUR"))
                .containsExactly(
                        from,
                        hour.plus(1, ChronoUnit.HOURS).toString(),
                        hour.plus(2, ChronoUnit.HOURS).toString());
        assertThat(values("SESSIONS", from, to, "HOUR")).containsExactly(2.0, 0.0, 0.0);
        assertThat(values("AVERAGE_SESSION_SECONDS", from, to, "HOUR")).containsExactly(60.0, 0.0, 0.0);
        assertThat(values("CLIENT_MESSAGES_SENT", from, to, "HOUR")).containsExactly(2.0, 0.0, 0.0);
        assertThat(values("CLIENT_CONVERSATIONS_CREATED", from, to, "HOUR")).containsExactly(1.0, 0.0, 0.0);
        assertThat(values("PAGE_VIEWS", from, to, "HOUR")).containsExactly(1.0, 0.0, 0.0);
        assertThat(values("MESSAGES_SENT", from, to, "HOUR")).containsExactly(0.0, 0.0, 0.0);
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        assertThat(values("SESSIONS", day.toString(), day.plusDays(1).toString(), "DAY"))
                .containsExactly(2.0);

        Map<String, Object> totals = totals(from, hour.plus(1, ChronoUnit.HOURS).toString());
        assertThat(totals)
                .containsEntry("sessions", 2)
                .containsEntry("averageSessionSeconds", 60.0)
                .containsEntry("pageViews", 1)
                .containsEntry("messagesSent", 0)
                .containsEntry("conversationsCreated", 0)
                .containsEntry("activeUsers", 1);
    }

    @Test
    void serverCountOfMessagesSentEqualsTheMessagesStored() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        send(alice, conversationId, "one");
        send(bob, conversationId, "two");
        String retried = send(alice, conversationId, "three");
        graphQl(alice)
                .documentName("createMessage")
                .variable("id", retried)
                .variable("conversationId", conversationId)
                .variable("content", "three")
                .variable("createdAt", retried)
                .execute();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(1);
        LocalDate to = today.plusDays(2);

        long stored = jdbc.sql("select count(*) from message where received_at >= ? and received_at < ?")
                .params(
                        from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();

        assertThat(stored).isGreaterThanOrEqualTo(3);
        assertThat(totals(from.toString(), to.toString())).containsEntry("messagesSent", (int) stored);
        assertThat(values("MESSAGES_SENT", from.toString(), to.toString(), "DAY").stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(stored);
    }

    @Test
    void messagesStoredTogetherAreCountedOnceEach() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        ExecutorService posters = Executors.newFixedThreadPool(16);
        try {
            CompletableFuture.allOf(IntStream.range(0, 48)
                            .mapToObj(i -> CompletableFuture.runAsync(
                                    () -> send(alice, conversationId, "together " + i), posters))
                            .toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            posters.shutdown();
        }

        assertThat(jdbc.sql("select count(*) from analytics_event where event_type = ? and user_id = ?")
                        .params(EventTypes.MESSAGE_SENT, alice.userId())
                        .query(Long.class)
                        .single())
                .isEqualTo(48);
    }

    @Test
    void signUpsSignInsConversationsAndMessagesAreCountedByTheServer() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        Map<String, Object> before = totals(today, tomorrow);

        Account carol = signUp("carol");
        client().signUpOnce(carol.username());
        String conversationId = startConversation(carol);
        send(carol, conversationId, "hello");
        postEvents(carol, List.of(event(EventTypes.CLIENT_MESSAGE_SENT, Instant.now())))
                .expectStatus()
                .isAccepted();

        Map<String, Object> after = totals(today, tomorrow);
        assertThat(increase(before, after, "signUps")).isEqualTo(1);
        assertThat(increase(before, after, "signIns")).isEqualTo(2);
        assertThat(increase(before, after, "conversationsCreated")).isEqualTo(1);
        assertThat(increase(before, after, "messagesSent")).isEqualTo(1);
        assertThat(increase(before, after, "activeUsers")).isEqualTo(1);
    }

    @Test
    void activeUsersAreDistinctUsersOfTheDayTheWeekAndTheMonth() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(6).toString();
        String to = today.minusDays(3).toString();
        Map<String, List<Double>> before = activeUserSeries(from, to);
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Instant sixDaysAgo =
                today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        Instant fourDaysAgo = today.minusDays(4).atStartOfDay(ZoneOffset.UTC).toInstant();
        postEvents(
                        alice,
                        List.of(
                                event(EventTypes.SESSION_START, sixDaysAgo),
                                event(EventTypes.SESSION_START, sixDaysAgo.plusSeconds(60)),
                                event(EventTypes.SESSION_START, fourDaysAgo)))
                .expectStatus()
                .isAccepted();
        postEvents(bob, List.of(event(EventTypes.SESSION_START, sixDaysAgo)))
                .expectStatus()
                .isAccepted();
        storeOldEvent(
                uniqueName("carol"),
                today.minusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant());

        Map<String, List<Double>> after = activeUserSeries(from, to);

        assertThat(increases(before, after, "ACTIVE_USERS_DAILY")).containsExactly(2.0, 0.0, 1.0);
        assertThat(increases(before, after, "ACTIVE_USERS_WEEKLY")).containsExactly(2.0, 2.0, 2.0);
        assertThat(increases(before, after, "ACTIVE_USERS_MONTHLY")).containsExactly(3.0, 3.0, 3.0);
    }

    @ParameterizedTest
    @MethodSource("badEvents")
    void badEventRefusesTheWholeBatchNamingItsIndexAndField(Map<String, Object> bad, String message) {
        Account alice = signUp("alice");

        postEvents(alice, List.of(event(EventTypes.SESSION_START, Instant.now()), bad))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_event")
                .jsonPath("$.message")
                .isEqualTo(message);

        assertThat(clientEventsStoredFor(alice)).isZero();
    }

    static Stream<Arguments> badEvents() {
        Instant now = Instant.now();
        Map<String, String> elevenAttributes = new HashMap<>();
        IntStream.range(0, 11).forEach(index -> elevenAttributes.put("k" + index, "v"));
        return Stream.of(
                Arguments.of(event("foo", now), "events[1].type: unknown event type \"foo\""),
                Arguments.of(
                        event(EventTypes.SESSION_START, now.plus(6, ChronoUnit.MINUTES)),
                        "events[1].timestamp: more than 5 minutes in the future"),
                Arguments.of(
                        event(
                                EventTypes.SESSION_START,
                                now.minus(Duration.ofDays(7).plusMinutes(1))),
                        "events[1].timestamp: older than 7 days"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "timestamp", "yesterday"),
                        "events[1].timestamp: required, an ISO-8601 instant such as 2026-11-25T10:00:00.000Z"),
                Arguments.of(
                        without(event(EventTypes.SESSION_START, now), "sessionId"),
                        "events[1].sessionId: required, a string"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "sessionId", "s".repeat(65)),
                        "events[1].sessionId: must be at most 64 characters"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "attributes", elevenAttributes),
                        "events[1].attributes: at most 10 entries, not 11"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "attributes", Map.of("k".repeat(51), "v")),
                        "events[1].attributes: keys must be 1 to 50 characters"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "attributes", Map.of("page", "p".repeat(201))),
                        "events[1].attributes.page: must be at most 200 characters"),
                Arguments.of(
                        with(event(EventTypes.SESSION_START, now), "attributes", Map.of("page", 3)),
                        "events[1].attributes.page: must be a string"),
                Arguments.of(event(EventTypes.SESSION_STOP, now), "events[1].durationMs: required for session.stop"),
                Arguments.of(
                        with(
                                event(EventTypes.SESSION_STOP, now),
                                "durationMs",
                                Duration.ofDays(7).toMillis() + 1),
                        "events[1].durationMs: must be a whole number of milliseconds from 0 to 604800000 (7 days)"),
                Arguments.of(event(EventTypes.PAGE_VIEW, now), "events[1].attributes.path: required for page.view"));
    }

    @Test
    void batchOfMoreThan100EventsIsRefused() {
        Account alice = signUp("alice");

        postEvents(alice, batchOf(101))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .isEqualTo("events: at most 100 events per batch, not 101");

        assertThat(clientEventsStoredFor(alice)).isZero();
    }

    @Test
    void moreThan600EventsAMinuteAreRefusedWith429AndRetryAfter() {
        Account alice = signUp("alice");
        for (int batch = 0; batch < 6; batch++) {
            postEvents(alice, batchOf(100)).expectStatus().isAccepted();
        }

        postEvents(alice, batchOf(1))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("too_many_events");

        assertThat(clientEventsStoredFor(alice)).isEqualTo(600);
    }

    @Test
    void malformedJsonIsRefusedWithAClearMessage() {
        Account alice = signUp("alice");

        postChunked(alice, Flux.just("{\"events\": ["))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request")
                .jsonPath("$.message")
                .isEqualTo("the request body must be a JSON object {\"events\": [...]}")
                .jsonPath("$.trace")
                .doesNotExist();
    }

    @Test
    void bodyOver1MegabyteSentWithoutALengthIsRefusedAsTheServerRefusesLargerBodies() {
        Account alice = signUp("alice");
        String chunk = "x".repeat(64 * 1024);

        postChunked(
                        alice,
                        Flux.concat(
                                Flux.just("{\"events\": [{\"type\": \""),
                                Flux.range(0, 17).map(index -> chunk),
                                Flux.just("\"}]}")))
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("payload_too_large")
                .jsonPath("$.message")
                .isEqualTo("the request body must be at most 1 MB");
    }

    /** Sends {@code body} in chunks, without a length. */
    private WebTestClient.ResponseSpec postChunked(Account account, Flux<String> body) {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        return http().post()
                .uri("/analytics/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(
                        body.map(chunk -> buffers.wrap(chunk.getBytes(StandardCharsets.UTF_8)))))
                .exchange();
    }

    @Test
    void eventsWithoutATokenAreRefusedWith401() {
        http().post()
                .uri("/analytics/events")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", batchOf(1)))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void nonAdminIsForbidden() {
        Account alice = signUp("alice");

        expectError(
                graphQl(alice)
                        .documentName("analyticsSeries")
                        .variable("series", "MESSAGES_SENT")
                        .variable("from", "2026-11-01")
                        .variable("to", "2026-11-02")
                        .execute(),
                ErrorType.FORBIDDEN);
        expectError(
                graphQl(alice)
                        .documentName("analyticsTotals")
                        .variable("from", "2026-11-01")
                        .variable("to", "2026-11-02")
                        .execute(),
                ErrorType.FORBIDDEN);
    }

    @Test
    void malformedReversedOrTooLongRangesAreBadRequests() {
        expectBadSeries("MESSAGES_SENT", "yesterday", "2026-11-02", "DAY");
        expectBadSeries("MESSAGES_SENT", "2026-11-02", "2026-11-01", "DAY");
        expectBadSeries("MESSAGES_SENT", "2025-01-01", "2026-02-06", "DAY");
        expectBadSeries("MESSAGES_SENT", "2026-10-01", "2026-11-02", "HOUR");
        expectBadSeries("ACTIVE_USERS_DAILY", "2026-11-01", "2026-11-02", "HOUR");
        expectError(
                graphQl(admin)
                        .documentName("analyticsTotals")
                        .variable("from", "2026-11-01T00:00:00Z")
                        .variable("to", "2026-11-01")
                        .execute(),
                ErrorType.BAD_REQUEST);
    }

    @Test
    void purgeDeletesExpiredEventsAfterCountingThemAndExpiredAggregates() {
        Instant expired = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(100, ChronoUnit.DAYS);
        String userId = uniqueName("old-user");
        storeOldEvent(userId, expired);
        Instant longExpired = Instant.now().minus(500, ChronoUnit.DAYS);
        jdbc.sql("insert into daily_active_user (active_on, user_id) values (?, ?)")
                .params(LocalDate.ofInstant(longExpired, ZoneOffset.UTC), userId)
                .update();
        jdbc.sql("insert into analytics_hourly (event_type, hour_start, event_count, duration_ms) values (?, ?, 1, 0)")
                .params(EventTypes.PAGE_VIEW, utc(longExpired.truncatedTo(ChronoUnit.HOURS)))
                .update();
        Account alice = signUp("alice");
        postEvents(alice, batchOf(1)).expectStatus().isAccepted();

        retention.purgeExpired();

        assertThat(clientEventsStoredFor(userId)).isZero();
        assertThat(clientEventsStoredFor(alice)).isEqualTo(1);
        assertThat(values(
                        "SESSIONS",
                        expired.toString(),
                        expired.plus(1, ChronoUnit.HOURS).toString(),
                        "HOUR"))
                .containsExactly(1.0);
        Instant aggregatesExpireBefore = Instant.now().minus(430, ChronoUnit.DAYS);
        assertThat(jdbc.sql("select count(*) from daily_active_user where active_on < ?")
                        .param(LocalDate.ofInstant(aggregatesExpireBefore, ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from analytics_hourly where hour_start < ?")
                        .param(utc(aggregatesExpireBefore))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void totalsShowTheLiveConnectionsAndSubscriptionsOfThisNode() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();
        CompletableFuture<List<String>> received = webSocket(alice)
                .documentName("subscribeToNewMessage")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.id", String.class)
                .take(1)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> totals =
                totals(today, LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());

        assertThat((Integer) totals.get("liveConnections")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) totals.get("liveSubscriptions")).isGreaterThanOrEqualTo(1);
        send(alice, conversationId, "ends the subscription");
        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).hasSize(1);
    }

    private WebTestClient.ResponseSpec postEvents(Account account, List<Map<String, Object>> events) {
        return http().post()
                .uri("/analytics/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events))
                .exchange();
    }

    private static Map<String, Object> event(String type, Instant timestamp) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("timestamp", timestamp.toString());
        event.put("sessionId", "5f0c7a52-2b1e-4d4e-9a8e-0d6f4c1b2a3e");
        event.put("attributes", Map.of("page", "/chat"));
        return event;
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }

    private static Map<String, Object> without(Map<String, Object> event, String field) {
        event.remove(field);
        return event;
    }

    private static List<Map<String, Object>> batchOf(int size) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            batch.add(event(EventTypes.SESSION_START, Instant.now()));
        }
        return batch;
    }

    /** Stores a client event directly, as if it had been sent when it occurred. */
    private void storeOldEvent(String userId, Instant occurredAt) {
        jdbc.sql("""
                        insert into analytics_event (source, event_type, user_id, occurred_at, received_at, session_id)
                        values ('client', 'session.start', ?, ?, ?, 's')""").params(userId, utc(occurredAt), utc(occurredAt)).update();
    }

    private long clientEventsStoredFor(Account account) {
        return clientEventsStoredFor(account.userId());
    }

    private long clientEventsStoredFor(String userId) {
        return jdbc.sql("select count(*) from analytics_event where user_id = ? and source = 'client'")
                .param(userId)
                .query(Long.class)
                .single();
    }

    private GraphQlTester.Response series(String series, String from, String to, String interval) {
        return graphQl(admin)
                .documentName("analyticsSeries")
                .variable("series", series)
                .variable("from", from)
                .variable("to", to)
                .variable("interval", interval)
                .execute();
    }

    private List<Double> values(String series, String from, String to, String interval) {
        return series(series, from, to, interval)
                .path("analyticsSeries[*].value")
                .entityList(Double.class)
                .get();
    }

    private List<String> starts(String series, String from, String to, String interval) {
        return series(series, from, to, interval)
                .path("analyticsSeries[*].start")
                .entityList(String.class)
                .get();
    }

    private Map<String, List<Double>> activeUserSeries(String from, String to) {
        Map<String, List<Double>> series = new HashMap<>();
        for (String name : List.of("ACTIVE_USERS_DAILY", "ACTIVE_USERS_WEEKLY", "ACTIVE_USERS_MONTHLY")) {
            series.put(name, values(name, from, to, "DAY"));
        }
        return series;
    }

    private static List<Double> increases(
            Map<String, List<Double>> before, Map<String, List<Double>> after, String series) {
        List<Double> increases = new ArrayList<>();
        for (int day = 0; day < after.get(series).size(); day++) {
            increases.add(after.get(series).get(day) - before.get(series).get(day));
        }
        return increases;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> totals(String from, String to) {
        return graphQl(admin)
                .documentName("analyticsTotals")
                .variable("from", from)
                .variable("to", to)
                .execute()
                .path("analyticsTotals")
                .entity(Map.class)
                .get();
    }

    private static int increase(Map<String, Object> before, Map<String, Object> after, String field) {
        return (Integer) after.get(field) - (Integer) before.get(field);
    }

    private void expectBadSeries(String series, String from, String to, String interval) {
        expectError(series(series, from, to, interval), ErrorType.BAD_REQUEST);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.databind.JsonNode;

/**
 * Presence at scale, as issue 18 asks: U users, each on one connection that follows the presence of
 * their contacts and the new messages of their conversation, in conversations of C + 1 members, so
 * that each user shares one with C others. In turn:
 *
 * <ol>
 *   <li>quiet: once the setup's writes are behind the server, the SQL statements it prepares over Q
 *       seconds of nothing but heartbeats and keep-alives, read from its meters {@code
 *       chatql.database.statements} and {@code chatql.presence.heartbeats};
 *   <li>changes: N presence changes (a user reported idle, or back) at R per second, and how long each
 *       took to reach the user and their contacts;
 *   <li>storm: every connection dropped once, at a random moment of S seconds, and opened again W ms
 *       later, resuming its messages after the last one it received, while messages are posted into
 *       the conversations at M per second: every connection resumed, every message delivered once and
 *       how fast, and the last-seen times stored meanwhile ({@code chatql.presence.last-seen.writes}).
 * </ol>
 */
final class PresenceScenario {

    private static final String SET_AWAY = "mutation($away: Boolean!) { setAway(away: $away) { status } }";

    private static final String WRITES = "chatql_database_statements_total{kind=\"write\"}";

    private static final String OTHER_STATEMENTS = "chatql_database_statements_total{kind=\"other\"}";

    private static final String HEARTBEATS = "chatql_presence_heartbeats_total";

    private static final String LAST_SEEN_WRITES = "chatql_presence_last_seen_writes_total";

    /** Connections opened, and conversations set up, at a time. */
    private static final int OPENING_IN_FLIGHT = 8;

    private final Options options;

    private final ChatServer server;

    private final String runId;

    private final long deadline;

    private final int userCount;

    private final int groupSize;

    private final List<ChatServer.User> users = new ArrayList<>();

    private final List<String> conversations = new ArrayList<>();

    private final Changes changes;

    private final AtomicBoolean storming = new AtomicBoolean();

    private final AtomicLong offlineShownInStorm = new AtomicLong();

    private Deliveries deliveries;

    PresenceScenario(Options options, ChatServer server, String runId, long deadline) {
        this.options = options;
        this.server = server;
        this.runId = runId;
        this.deadline = deadline;
        this.userCount = options.integer("users", 200);
        this.groupSize = options.integer("contacts", 9) + 1;
        this.changes = new Changes(options.integer("changes", 500) * groupSize);
    }

    Report run() throws Exception {
        int changeCount = options.integer("changes", 500);
        int rate = Math.max(1, options.integer("rate", 50));
        int stormSeconds = Math.max(1, options.integer("storm-seconds", 60));
        int stormRate = Math.max(1, options.integer("storm-rate", 20));
        long setupStart = System.nanoTime();
        List<String> usernames = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            usernames.add(runId + "-u" + u);
        }
        users.addAll(server.signUpAll(usernames, Scenarios.SIGN_UPS_IN_FLIGHT));
        double signUpSeconds = seconds(setupStart, System.nanoTime());
        startConversations();
        deliveries = new Deliveries(userCount, stormRate * stormSeconds * groupSize);
        AtomicReferenceArray<GraphQlSocket> sockets = new AtomicReferenceArray<>(userCount);
        try {
            long connectStart = System.nanoTime();
            connectAll(sockets);
            Scenarios.warmUp(
                    server,
                    runId,
                    deadline,
                    deliveries,
                    userCount,
                    conversations,
                    c -> posterOf(conversations.indexOf(c)));
            Report report = new Report(String.format(
                            "presence: %d users, each sharing a conversation with %d others; %d changes at %d/s;"
                                    + " a reconnect storm over %d s with %d messages/s",
                            userCount, groupSize - 1, changeCount, rate, stormSeconds, stormRate))
                    .put("signUpSeconds", signUpSeconds)
                    .put("connectSeconds", seconds(connectStart, System.nanoTime()));
            quiet(report);
            changes(report, sockets, changeCount, rate);
            storm(report, sockets, stormSeconds, stormRate);
            return report;
        } finally {
            for (int u = 0; u < userCount; u++) {
                GraphQlSocket socket = sockets.get(u);
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    /** Members u·G to u·G + G − 1 share conversation u; its first member posts into it. */
    private void startConversations() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(OPENING_IN_FLIGHT);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int first = 0; first < userCount; first += groupSize) {
                String conversation = runId + "-group-" + first;
                conversations.add(conversation);
                ChatServer.User[] members = users.subList(first, Math.min(userCount, first + groupSize))
                        .toArray(ChatServer.User[]::new);
                started.add(starting.submit(() -> server.startConversation(conversation, members)));
            }
            for (Future<?> conversation : started) {
                conversation.get();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private void connectAll(AtomicReferenceArray<GraphQlSocket> sockets) throws Exception {
        ExecutorService opening = Executors.newFixedThreadPool(OPENING_IN_FLIGHT);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (int u = 0; u < userCount; u++) {
                int user = u;
                opened.add(opening.submit(() -> sockets.set(user, connect(user, null))));
            }
            for (Future<?> connection : opened) {
                connection.get();
            }
        } finally {
            opening.shutdownNow();
        }
    }

    /**
     * Opens user {@code u}'s connection, following their contacts' presence and their conversation's
     * new messages: after the message {@code afterId} when it resumes, from now on otherwise.
     */
    private GraphQlSocket connect(int u, String afterId) {
        GraphQlSocket socket = GraphQlSocket.open(server.webSocketUri(), users.get(u), deliveries);
        socket.observe(GraphQlSocket.PRESENCE, u, (watcher, data) -> {
            JsonNode presence = data.path("subscribeToPresence");
            String status = presence.path("status").asString();
            changes.seen(watcher, presence.path("user").path("id").asString() + "/" + status);
            if (storming.get() && status.equals("OFFLINE")) {
                offlineShownInStorm.incrementAndGet();
            }
        });
        String conversation = conversations.get(u / groupSize);
        if (afterId == null) {
            socket.subscribe(conversation, u);
        } else {
            socket.resume(conversation, afterId, u);
        }
        return socket;
    }

    /**
     * The statements the server prepares while nothing happens but heartbeats: measured once it has
     * written nothing for {@code --settle-seconds}, longer than the minute of the analytics roll-up,
     * so that the roll-up of the setup's events is behind it.
     */
    private void quiet(Report report) throws InterruptedException {
        int settleSeconds = options.integer("settle-seconds", 65);
        int quietSeconds = Math.max(1, options.integer("quiet-seconds", 30));
        long settleStart = System.nanoTime();
        long settleUntil = Math.min(deadline, settleStart + TimeUnit.SECONDS.toNanos(2L * settleSeconds + 10));
        double writes = meter(WRITES);
        long stillSince = System.nanoTime();
        while (System.nanoTime() - stillSince < TimeUnit.SECONDS.toNanos(settleSeconds)
                && System.nanoTime() < settleUntil) {
            TimeUnit.SECONDS.sleep(1);
            double now = meter(WRITES);
            if (now != writes) {
                writes = now;
                stillSince = System.nanoTime();
            }
        }
        double writesBefore = meter(WRITES);
        double othersBefore = meter(OTHER_STATEMENTS);
        double heartbeatsBefore = meter(HEARTBEATS);
        TimeUnit.NANOSECONDS.sleep(
                Math.max(0, Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(quietSeconds))));
        double quietWrites = meter(WRITES) - writesBefore;
        double heartbeats = meter(HEARTBEATS) - heartbeatsBefore;
        report.put("setupWritesSettledAfterSeconds", seconds(settleStart, stillSince))
                .put("quietSeconds", quietSeconds)
                .put("quietHeartbeats", heartbeats)
                .put("quietWrites", quietWrites)
                .put("quietOtherStatements", meter(OTHER_STATEMENTS) - othersBefore)
                .put("writesPerHeartbeat", quietWrites / Math.max(1, heartbeats))
                .atLeast("a heartbeat in the quiet period", heartbeats, 1)
                .atMost("no database write per heartbeat", quietWrites / Math.max(1, heartbeats), 0);
    }

    /** N presence changes at R per second, each to be told to the user and their contacts. */
    private void changes(Report report, AtomicReferenceArray<GraphQlSocket> sockets, int changeCount, int rate)
            throws InterruptedException {
        // Everyone's subscription listens once each has been told that everyone is online.
        TimeUnit.SECONDS.sleep(Math.min(10, 1 + userCount / 200));
        double statementsBefore = meter(WRITES) + meter(OTHER_STATEMENTS);
        long start = System.nanoTime();
        int made = 0;
        for (; made < changeCount && System.nanoTime() < deadline; made++) {
            int u = made % userCount;
            boolean away = (made / userCount) % 2 == 0;
            changes.made(users.get(u).id() + "/" + (away ? "AWAY" : "ONLINE"), membersOf(u / groupSize));
            sockets.get(u).mutate(SET_AWAY, Map.of("away", away));
            Scenarios.pace(start, made + 1, rate);
        }
        Scenarios.await(() -> changes.delivered() >= changes.expected(), deadline);
        double statements = meter(WRITES) + meter(OTHER_STATEMENTS) - statementsBefore;
        Samples latencies = changes.latencies();
        long lost = changes.expected() - changes.delivered();
        report.put("changes", changes.count())
                .put("changesToldToWatchers", changes.delivered())
                .put("statementsPerChangeTold", statements / Math.max(1, changes.delivered()))
                .put("changesLost", lost)
                .put("changeLatencyP50Ms", latencies.percentileMillis(50))
                .put("changeLatencyP99Ms", latencies.percentileMillis(99))
                .put("changeLatencyMaxMs", latencies.maxMillis())
                .atLeast("every change made within --max-seconds", made, changeCount)
                .atMost("every change told to every watcher", lost, 0)
                .atMost("p99 presence change latency at most 1 s", latencies.percentileMillis(99), 1_000);
    }

    /**
     * Drops every connection once, at a random moment of the storm, and opens it again {@code
     * --reconnect-after-ms} later, resuming after the last message it received, while the first member
     * of each conversation posts into it in turn.
     */
    private void storm(Report report, AtomicReferenceArray<GraphQlSocket> sockets, int stormSeconds, int stormRate)
            throws Exception {
        int reconnectAfterMillis = options.integer("reconnect-after-ms", 1_000);
        long spreadMillis = Math.max(1, stormSeconds * 1_000L - reconnectAfterMillis);
        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        double writesBefore = meter(WRITES);
        double othersBefore = meter(OTHER_STATEMENTS);
        double lastSeenBefore = meter(LAST_SEEN_WRITES);
        OptionalLong cpuBefore = server.cpuNanos();
        ScheduledExecutorService reconnecting = Executors.newScheduledThreadPool(16);
        storming.set(true);
        long start = System.nanoTime();
        int sent;
        try {
            for (int u = 0; u < userCount; u++) {
                int user = u;
                reconnecting.schedule(
                        () -> {
                            GraphQlSocket dropped = sockets.get(user);
                            dropped.drop();
                            reconnecting.schedule(
                                    () -> {
                                        try {
                                            sockets.set(user, connect(user, dropped.lastMessageId(user)));
                                            resumed.incrementAndGet();
                                        } catch (RuntimeException notResumed) {
                                            failed.incrementAndGet();
                                        }
                                    },
                                    reconnectAfterMillis,
                                    TimeUnit.MILLISECONDS);
                        },
                        ThreadLocalRandom.current().nextLong(spreadMillis),
                        TimeUnit.MILLISECONDS);
            }
            Sender sender = new Sender(
                    (conversation, seq, messageId, number) ->
                            server.send(posterOf(seq % conversations.size()), conversation, messageId, number),
                    runId);
            sent = sender.send(
                    1,
                    stormRate * stormSeconds,
                    seq -> conversations.get(seq % conversations.size()),
                    64,
                    stormRate,
                    deadline);
            long reconnectsUntil = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            while (resumed.get() + failed.get() < userCount && System.nanoTime() < reconnectsUntil) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long expected = 0;
            for (int seq = 1; seq <= sent; seq++) {
                expected += membersOf(seq % conversations.size());
            }
            long expectedDeliveries = expected;
            Scenarios.await(() -> deliveries.unique() >= expectedDeliveries, deadline);
            storming.set(false);
            double lastSeenWrites = meter(LAST_SEEN_WRITES) - lastSeenBefore;
            OptionalLong cpuAfter = server.cpuNanos();
            if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
                report.put("stormServerCpuSeconds", (cpuAfter.getAsLong() - cpuBefore.getAsLong()) / 1e9);
            }
            report.put("stormSeconds", seconds(start, System.nanoTime()))
                    .put("stormMessages", sent)
                    .put("stormFailedMutations", sender.failures())
                    .put("resumed", resumed.get())
                    .put("notResumed", failed.get())
                    .put("offlineShownInStorm", offlineShownInStorm.get())
                    .put("stormWrites", meter(WRITES) - writesBefore)
                    .put("stormOtherStatements", meter(OTHER_STATEMENTS) - othersBefore)
                    .put("lastSeenWrites", lastSeenWrites)
                    .put("lastSeenWritesPerUserPerMinute", lastSeenWrites / userCount / (stormSeconds / 60.0))
                    .deliveries(deliveries, expected)
                    .atLeast("every connection dropped and resumed", resumed.get(), userCount)
                    .atLeast("every storm message posted within --max-seconds", sent, stormRate * stormSeconds)
                    .atMost(
                            "at most one last-seen write per user per minute",
                            lastSeenWrites,
                            userCount * (stormSeconds / 60 + 1.0))
                    .atMost(
                            "p99 delivery latency during the storm at most 2 s",
                            deliveries.latencies().percentileMillis(99),
                            2_000);
        } finally {
            storming.set(false);
            reconnecting.shutdownNow();
        }
    }

    /** The number of members of conversation {@code c}. */
    private int membersOf(int c) {
        return Math.min(userCount, (c + 1) * groupSize) - c * groupSize;
    }

    private ChatServer.User posterOf(int c) {
        return users.get(c * groupSize);
    }

    /** A series of the server's meters; NaN when it cannot be read, which fails every check on it. */
    private double meter(String series) {
        return server.meter(series).orElse(Double.NaN);
    }

    private static double seconds(long fromNanos, long toNanos) {
        return Math.max(1, toNanos - fromNanos) / 1e9;
    }
}

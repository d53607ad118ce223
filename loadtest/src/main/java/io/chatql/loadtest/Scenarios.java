package io.chatql.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** The load scenarios; each is bounded in count and in time and stops by itself. */
final class Scenarios {

    /** Sign-ups at a time: enough to keep a server's cores hashing passwords. */
    static final int SIGN_UPS_IN_FLIGHT = 8;

    private static final String SET_TYPING =
            "mutation($c: ID!, $t: Boolean!) { setTyping(conversationId: $c, typing: $t) { count } }";

    private final Options options;

    private final ChatServer server;

    private final String runId = "lt" + Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    private final long deadline;

    Scenarios(Options options) {
        this.options = options;
        this.server = new ChatServer(options.text("url", "http://127.0.0.1:8080"));
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("max-seconds", 120));
    }

    Report run() throws Exception {
        return switch (options.scenario()) {
            case "fanout" -> fanOut();
            case "rooms" -> rooms(false);
            case "mixed" -> rooms(true);
            case "idle" -> idle();
            case "history" -> history();
            case "startup" -> startup();
            case "unread" -> new UnreadScenario(options, server, runId, deadline).run();
            case "search" -> new SearchScenario(options, server, runId, deadline).run();
            case "presence" -> new PresenceScenario(options, server, runId, deadline).run();
            case "typing" ->
                options.values().containsKey("members")
                        ? crowdedTyping()
                        : options.values().containsKey("ghosts") ? ghostTyping() : typing();
            default -> throw new IllegalArgumentException("unknown scenario " + options.scenario());
        };
    }

    /** One conversation, S subscribers, M messages with C in flight or at a steady rate. */
    private Report fanOut() throws Exception {
        int subscribers = options.integer("subscribers", 1000);
        int messages = options.integer("messages", 2000);
        int inFlight = options.integer("concurrency", 16);
        int rate = options.integer("rate", 0);
        List<ChatServer.User> users = users(Audience.usersFor(subscribers));
        String conversation = runId + "-fanout";
        server.startConversation(conversation, users.toArray(ChatServer.User[]::new));
        Deliveries deliveries = new Deliveries(subscribers, subscribers * messages);
        try (Audience audience = Audience.subscribe(server, users, subscribers, s -> conversation, deliveries);
                Posting posting = posting(users.get(0), inFlight)) {
            warmUp(deliveries, subscribers, List.of(conversation), users.get(0));
            Sender sender = new Sender(posting, runId);
            sender.warmUp(options.integer("warm-up", 250), seq -> conversation, inFlight, rate, deadline);
            OptionalLong cpuBefore = server.cpuNanos();
            long start = System.nanoTime();
            int sent = sender.send(1, messages, seq -> conversation, inFlight, rate, deadline);
            long sendEnd = System.nanoTime();
            long expected = (long) sent * subscribers;
            await(() -> deliveries.unique() >= expected);
            OptionalLong cpuAfter = server.cpuNanos();
            Report report = new Report(String.format(
                    "fanout: %d subscribers, %d messages, %s",
                    subscribers, sent, rate > 0 ? rate + "/s" : inFlight + " in flight"));
            report.put("postedOver", posting.transport())
                    .put("messagesPerSecond", sent / seconds(start, sendEnd))
                    .put("deliveriesPerSecond", deliveries.unique() / seconds(start, deliveries.lastNanos()))
                    .put("failedMutations", sender.failures())
                    .serverCpu(cpuBefore, cpuAfter, sent)
                    .deliveries(deliveries, expected);
            if (rate == 0) {
                report.atLeast(
                        "at least 60,000 deliveries/s",
                        deliveries.unique() / seconds(start, deliveries.lastNanos()),
                        60_000);
            } else {
                report.atMost(
                        "p99 delivery latency at most 50 ms",
                        deliveries.latencies().percentileMillis(99),
                        50);
            }
            return report;
        }
    }

    /**
     * R conversations with K subscribers each; messages round-robin over them with C in flight. Mixed,
     * the writes are posts, edits and reactions ({@link Mix}), and the subscribers follow each
     * conversation's timeline instead of its new messages.
     */
    private Report rooms(boolean mixed) throws Exception {
        int rooms = options.integer("rooms", 500);
        int perRoom = options.integer("per-room", 2);
        int messages = options.integer("messages", 20_000);
        int inFlight = options.integer("concurrency", 16);
        int subscribers = rooms * perRoom;
        List<ChatServer.User> users = users(Audience.usersFor(subscribers));
        List<String> conversations = new ArrayList<>();
        for (int room = 0; room < rooms; room++) {
            conversations.add(runId + "-room-" + room);
        }
        for (String conversation : conversations) {
            server.startConversation(conversation, users.toArray(ChatServer.User[]::new));
        }
        Deliveries deliveries = new Deliveries(subscribers, subscribers * messages / rooms + subscribers);
        String subscription = mixed ? GraphQlSocket.TIMELINE : GraphQlSocket.NEW_MESSAGES;
        // With --unread-readers K, K more users, each in every K-th conversation, follow their unread
        // counts meanwhile: what keeping counts live costs a busy server.
        int readerCount = options.integer("unread-readers", 0);
        try (Audience audience = Audience.subscribe(
                        server, users, subscribers, s -> conversations.get(s / perRoom), deliveries, subscription);
                UnreadReaders readers = readerCount == 0
                        ? null
                        : UnreadReaders.follow(server, runId, users.get(0), conversations, readerCount);
                Posting posting = posting(users.get(0), inFlight)) {
            warmUp(deliveries, subscribers, conversations, users.get(0));
            if (readers != null && !readers.allHeard(30)) {
                throw new IllegalStateException("not every reader follows its counts");
            }
            Mix mix = new Mix(posting, rooms);
            Sender sender = mixed ? new Sender(mix, runId) : new Sender(posting, runId);
            // With --warm-up-seconds, the warm-up is that long instead of a number of messages: how
            // fast a server is after its first seconds of traffic, as after a restart under load.
            int warmUpSeconds = options.integer("warm-up-seconds", 0);
            sender.warmUp(
                    warmUpSeconds > 0 ? Integer.MAX_VALUE / 2 : options.integer("warm-up", 2_000),
                    seq -> conversations.get(Math.floorMod(seq, rooms)),
                    inFlight,
                    0,
                    warmUpSeconds > 0
                            ? Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds))
                            : deadline);
            long changesBefore = readers == null ? 0 : readers.settledChanges(500, 10);
            OptionalLong cpuBefore = server.cpuNanos();
            long start = System.nanoTime();
            int sent = sender.send(1, messages, seq -> conversations.get(seq % rooms), inFlight, 0, deadline);
            long reactions = mixed ? mix.reactions() : 0;
            long expected = (sent - reactions) * perRoom;
            long expectedReactions = reactions * perRoom;
            await(() -> deliveries.unique() >= expected && deliveries.reactions() >= expectedReactions);
            OptionalLong cpuAfter = server.cpuNanos();
            double perSecond = sent / seconds(start, deliveries.lastNanos());
            Report report = new Report(String.format(
                            "%s: %d conversations x %d subscribers, %d %s, %d in flight",
                            mixed ? "mixed" : "rooms", rooms, perRoom, sent, mixed ? "writes" : "messages", inFlight))
                    .put("postedOver", posting.transport());
            if (mixed) {
                report.put("posts", mix.posts())
                        .put("edits", mix.edits())
                        .put("reactions", reactions)
                        .put("reactionEventsDelivered", deliveries.reactions())
                        .put("writesStoredAndDeliveredPerSecond", perSecond)
                        .atLeast("every reaction delivered", deliveries.reactions(), expectedReactions);
            } else {
                report.put("messagesStoredAndDeliveredPerSecond", perSecond);
            }
            if (readers != null) {
                long expectedChanges = mixed ? mix.posts() : sent;
                await(() -> readers.changes() - changesBefore >= expectedChanges);
                report.put("unreadReaders", readerCount)
                        .put("unreadChangesHeard", readers.changes() - changesBefore)
                        .atLeast(
                                "every message changed its reader's counts",
                                readers.changes() - changesBefore,
                                expectedChanges);
            }
            return report.put("failedMutations", sender.failures())
                    .serverCpu(cpuBefore, cpuAfter, sent)
                    .deliveries(deliveries, expected)
                    .atLeast(
                            "at least 4,000 " + (mixed ? "writes" : "messages") + "/s stored and delivered",
                            perSecond,
                            4_000)
                    .atMost(
                            "p99 delivery latency at most 50 ms",
                            deliveries.latencies().percentileMillis(99),
                            50);
        }
    }

    /** N subscriptions held open for T seconds; the server's memory per subscription. */
    private Report idle() throws Exception {
        int subscriptions = options.integer("subscriptions", 20_000);
        int holdSeconds = options.integer("hold-seconds", 30);
        String pid = options.text("server-pid", "");
        List<ChatServer.User> users = users(Audience.usersFor(subscriptions));
        String conversation = runId + "-idle";
        server.startConversation(conversation, users.toArray(ChatServer.User[]::new));
        long rssBefore = pid.isEmpty() ? 0 : rssBytes(pid);
        Deliveries deliveries = new Deliveries(subscriptions, 1);
        try (Audience audience = Audience.subscribe(server, users, subscriptions, s -> conversation, deliveries)) {
            warmUp(deliveries, subscriptions, List.of(conversation), users.get(0));
            long holdUntil = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds));
            TimeUnit.NANOSECONDS.sleep(Math.max(0, holdUntil - System.nanoTime()));
            Report report = new Report(String.format("idle: %d subscriptions held %d s", subscriptions, holdSeconds))
                    .put("established", deliveries.warmedUp())
                    .atLeast("every subscription established", deliveries.warmedUp(), subscriptions);
            if (!pid.isEmpty()) {
                double perSubscription = (rssBytes(pid) - rssBefore) / (double) subscriptions;
                report.put("serverRssBeforeMiB", rssBefore / 1048576.0)
                        .put("bytesPerSubscription", perSubscription)
                        .atMost("at most 20 KB of server memory per subscription", perSubscription, 20 * 1024);
            }
            return report;
        }
    }

    /**
     * C conversations of two members who both type, each signalling every T ms (3,000, as clients do)
     * that they type and half-way through that they stopped, for S seconds; how long each start took
     * to reach the other member, who follows the conversation's typing. A start undone within 100 ms
     * may never be told, as the server coalesces changes: keep T above 200.
     */
    private Report typing() throws Exception {
        int conversationCount = options.integer("conversations", 200);
        int cadenceMillis = options.integer("cadence-ms", 3_000);
        int seconds = options.integer("seconds", 20);
        List<ChatServer.User> typists = users(2 * conversationCount);
        List<String> conversations = new ArrayList<>();
        for (int c = 0; c < conversationCount; c++) {
            conversations.add(runId + "-typing-" + c);
            server.startConversation(conversations.get(c), typists.get(2 * c), typists.get(2 * c + 1));
        }
        int signalsPerTypist = Math.max(1, seconds * 1_000 / cadenceMillis);
        Changes changes = new Changes(2 * conversationCount * signalsPerTypist);
        List<GraphQlSocket> sockets = new ArrayList<>();
        ScheduledExecutorService signalling = Executors.newScheduledThreadPool(4);
        try {
            for (int t = 0; t < typists.size(); t++) {
                GraphQlSocket socket = GraphQlSocket.observing(
                        server.webSocketUri(), typists.get(t), GraphQlSocket.TYPING, (watcher, data) -> {
                            JsonNode state = data.path("subscribeToTyping");
                            for (JsonNode typist : state.path("users")) {
                                changes.seen(
                                        watcher,
                                        state.path("conversationId").asString() + "/"
                                                + typist.path("id").asString());
                            }
                        });
                socket.subscribe(conversations.get(t / 2), t);
                sockets.add(socket);
            }
            TimeUnit.SECONDS.sleep(1);
            long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            for (int t = 0; t < typists.size(); t++) {
                GraphQlSocket socket = sockets.get(t);
                String conversation = conversations.get(t / 2);
                String typist = typists.get(t).id();
                long phase = ThreadLocalRandom.current().nextLong(cadenceMillis);
                signalling.scheduleAtFixedRate(
                        () -> {
                            if (System.nanoTime() < until) {
                                changes.made(conversation + "/" + typist, 1);
                                socket.mutate(SET_TYPING, Map.of("c", conversation, "t", true));
                                signalling.schedule(
                                        () -> socket.mutate(SET_TYPING, Map.of("c", conversation, "t", false)),
                                        cadenceMillis / 2,
                                        TimeUnit.MILLISECONDS);
                            }
                        },
                        phase,
                        cadenceMillis,
                        TimeUnit.MILLISECONDS);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, until - System.nanoTime()));
            await(() -> changes.delivered() >= changes.expected());
            return awareness(
                            String.format(
                                    "typing: %d conversations of 2 typists, a signal every %d ms each for %d s",
                                    conversationCount, cadenceMillis, seconds),
                            changes,
                            "p99 typing fan-out latency at most 150 ms",
                            150)
                    .atLeast("typists signalled within --max-seconds", changes.count(), 1);
        } finally {
            signalling.shutdownNow();
            sockets.forEach(GraphQlSocket::close);
        }
    }

    /**
     * With {@code --members N}: one conversation of N members, more than 100, so that only the count of
     * typists is told. K of them ({@code --typists}) start typing one after another, then stop the
     * other way round, and so on for S seconds, each signalling every T ms while they type; the other
     * members all follow the conversation's typing. Each change of the count is made once every
     * follower was told the last, so it falls within the second that the server holds a crowded
     * conversation's changes for: how long each took to reach every follower, how many events each
     * follower received, and that none named a typist.
     */
    private Report crowdedTyping() throws Exception {
        int memberCount = options.integer("members", 1_000);
        int typistCount = Math.max(1, Math.min(options.integer("typists", 10), memberCount - 1));
        int cadenceMillis = options.integer("cadence-ms", 3_000);
        int seconds = options.integer("seconds", 20);
        int followerCount = memberCount - typistCount;
        List<ChatServer.User> members = users(memberCount);
        String conversation = runId + "-crowd";
        server.startConversation(conversation, members.toArray(ChatServer.User[]::new));
        Changes changes = new Changes(followerCount * (seconds + 1));
        AtomicLong events = new AtomicLong();
        AtomicLong naming = new AtomicLong();
        List<GraphQlSocket> sockets = new ArrayList<>();
        try {
            for (int f = 0; f < followerCount; f++) {
                GraphQlSocket socket = GraphQlSocket.observing(
                        server.webSocketUri(), members.get(typistCount + f), GraphQlSocket.TYPING, (follower, data) -> {
                            JsonNode state = data.path("subscribeToTyping");
                            events.incrementAndGet();
                            if (!state.path("users").isEmpty()) {
                                naming.incrementAndGet();
                            }
                            changes.seen(
                                    follower,
                                    conversation + "/" + state.path("count").asInt());
                        });
                socket.subscribe(conversation, f);
                sockets.add(socket);
            }
            List<GraphQlSocket> typists = new ArrayList<>();
            for (int t = 0; t < typistCount; t++) {
                typists.add(GraphQlSocket.open(server.webSocketUri(), members.get(t)));
            }
            sockets.addAll(typists);
            TimeUnit.SECONDS.sleep(1);
            long[] lastSignal = new long[typistCount];
            long cadence = TimeUnit.MILLISECONDS.toNanos(cadenceMillis);
            long start = System.nanoTime();
            long until = Math.min(deadline, start + TimeUnit.SECONDS.toNanos(seconds));
            int typing = 0;
            boolean rising = true;
            while (System.nanoTime() < until) {
                // The typists who type are the first ones; the next starts, or the last to start stops.
                int typist = rising ? typing : typing - 1;
                typing += rising ? 1 : -1;
                changes.made(conversation + "/" + typing, followerCount);
                typists.get(typist)
                        .mutate(SET_TYPING, Map.of("c", conversation, "t", rising))
                        .join();
                lastSignal[typist] = System.nanoTime();
                rising = rising ? typing < typistCount : typing == 0;
                long roundEnd = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
                while (changes.delivered() < changes.expected() && System.nanoTime() < roundEnd) {
                    for (int t = 0; t < typing; t++) {
                        if (System.nanoTime() - lastSignal[t] >= cadence) {
                            typists.get(t)
                                    .mutate(SET_TYPING, Map.of("c", conversation, "t", true))
                                    .join();
                            lastSignal[t] = System.nanoTime();
                        }
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            }
            double followed = seconds(start, System.nanoTime());
            return awareness(
                            String.format(
                                    "typing: one conversation of %d members, %d typing in turn, a signal every %d ms"
                                            + " each, for %d s",
                                    memberCount, typistCount, cadenceMillis, seconds),
                            changes,
                            "p99 count change latency at most 1,150 ms (a crowded conversation is told once a"
                                    + " second, and a change may take 150 ms to reach its members)",
                            1_150)
                    .put("followers", followerCount)
                    .put("events", events.get())
                    .put("eventsPerFollowerPerSecond", events.get() / (double) followerCount / followed)
                    .put("eventsNamingTypists", naming.get())
                    .atMost("every event a count, naming no typist", naming.get(), 0)
                    .atLeast("count changed twice at least", changes.count(), 2);
        } finally {
            sockets.forEach(GraphQlSocket::close);
        }
    }

    /**
     * With {@code --ghosts G}: G conversations of two members, in each of which one types, as the other
     * follows, and then their connection dies right after a signal: closed with no WebSocket close and
     * no stop. How long until each follower is told the ghost typist is gone; a server that missed the
     * closed connection would keep the ghost until their signal expired, 6 s after it.
     */
    private Report ghostTyping() throws Exception {
        int ghostCount = options.integer("ghosts", 50);
        List<ChatServer.User> users = users(2 * ghostCount);
        List<String> conversations = new ArrayList<>();
        for (int g = 0; g < ghostCount; g++) {
            conversations.add(runId + "-ghost-" + g);
            server.startConversation(conversations.get(g), users.get(2 * g), users.get(2 * g + 1));
        }
        Changes shown = new Changes(ghostCount);
        Changes gone = new Changes(ghostCount);
        List<GraphQlSocket> sockets = new ArrayList<>();
        try {
            for (int g = 0; g < ghostCount; g++) {
                GraphQlSocket socket = GraphQlSocket.observing(
                        server.webSocketUri(), users.get(2 * g + 1), GraphQlSocket.TYPING, (follower, data) -> {
                            JsonNode state = data.path("subscribeToTyping");
                            String conversation = state.path("conversationId").asString();
                            if (state.path("count").asInt() == 0) {
                                gone.seen(follower, conversation + "/gone");
                            }
                            for (JsonNode typist : state.path("users")) {
                                shown.seen(
                                        follower,
                                        conversation + "/" + typist.path("id").asString());
                            }
                        });
                socket.subscribe(conversations.get(g), g);
                sockets.add(socket);
            }
            List<GraphQlSocket> ghosts = new ArrayList<>();
            for (int g = 0; g < ghostCount; g++) {
                ghosts.add(GraphQlSocket.open(server.webSocketUri(), users.get(2 * g)));
            }
            sockets.addAll(ghosts);
            TimeUnit.SECONDS.sleep(1);
            for (int g = 0; g < ghostCount && System.nanoTime() < deadline; g++) {
                shown.made(conversations.get(g) + "/" + users.get(2 * g).id(), 1);
                ghosts.get(g).mutate(SET_TYPING, Map.of("c", conversations.get(g), "t", true));
            }
            await(() -> shown.delivered() >= shown.expected());
            for (int g = 0; g < ghostCount && System.nanoTime() < deadline; g++) {
                ghosts.get(g)
                        .mutate(SET_TYPING, Map.of("c", conversations.get(g), "t", true))
                        .join();
                gone.made(conversations.get(g) + "/gone", 1);
                ghosts.get(g).drop();
            }
            await(() -> gone.delivered() >= gone.expected());
            return awareness(
                            String.format(
                                    "typing: %d ghost typists, each connection dropped right after a signal",
                                    ghostCount),
                            gone,
                            "p99 ghost typist dropped within 6 s of its connection",
                            6_000)
                    .put("shownTyping", shown.delivered())
                    .atLeast("every ghost shown typing first", shown.delivered(), ghostCount);
        } finally {
            sockets.forEach(GraphQlSocket::close);
        }
    }

    /** The report of a presence or typing scenario: its changes, how many reached whom, and how fast. */
    private static Report awareness(String title, Changes changes, String latencyTarget, double maxP99Millis) {
        Samples latencies = changes.latencies();
        return new Report(title)
                .put("changes", changes.count())
                .put("toldToWatchers", changes.delivered())
                .put("lost", changes.expected() - changes.delivered())
                .put("latencyP50Ms", latencies.percentileMillis(50))
                .put("latencyP99Ms", latencies.percentileMillis(99))
                .put("latencyMaxMs", latencies.maxMillis())
                .atMost("every change told to every watcher", changes.expected() - changes.delivered(), 0)
                .atMost(latencyTarget, latencies.percentileMillis(99), maxP99Millis);
    }

    /** Waits until {@code done} operations at {@code rate} per second since {@code start} are due. */
    static void pace(long start, int done, int rate) throws InterruptedException {
        long due = start + TimeUnit.SECONDS.toNanos(done) / rate;
        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
    }

    /** A conversation with H messages, and page reads deep in its history. */
    private Report history() throws Exception {
        int messages = options.integer("messages", 100_000);
        int pages = options.integer("pages", 200);
        int inFlight = options.integer("concurrency", 32);
        ChatServer.User user = users(1).get(0);
        String conversation = runId + "-history";
        server.startConversation(conversation, user);
        int stored;
        try (Posting posting = Posting.over("http", server, user, 0)) {
            stored = new Sender(posting, runId).send(1, messages, seq -> conversation, inFlight, 0, deadline);
        }
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = page(user, conversation, token, 100).join().get("allMessageConnection");
            token = page.get("nextToken").isNull()
                    ? null
                    : page.get("nextToken").asString();
            if (token != null) {
                tokens.add(token);
            }
        } while (token != null && System.nanoTime() < deadline);
        List<String> deepest = tokens.subList(tokens.size() - Math.max(1, tokens.size() / 10), tokens.size());
        // On one core the JIT compiler takes turns with the server's threads for tens of seconds after
        // the writes, and a request that waits behind it is slow for no reason of its own.
        int warmUp = options.integer("warm-up", 30_000);
        for (int i = 0; i < warmUp && System.nanoTime() < deadline; i++) {
            page(user, conversation, deepest.get(i % deepest.size()), 20).join();
        }
        Samples latencies = new Samples(pages);
        for (int i = 0; i < pages && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            page(user, conversation, deepest.get(i % deepest.size()), 20).join();
            latencies.add(System.nanoTime() - start);
        }
        Report report = new Report(String.format(
                        "history: %d messages; %d reads of 20 messages from the oldest tenth of the history",
                        stored, latencies.count()))
                .put("pageP50Ms", latencies.percentileMillis(50))
                .put("pageP99Ms", latencies.percentileMillis(99))
                .put("pageMaxMs", latencies.maxMillis());
        if (stored >= 100_000) {
            report.atMost("p99 page latency at depth 100,000 at most 5 ms", latencies.percentileMillis(99), 5);
        }
        return report;
    }

    /**
     * Starts the server with {@code --command} (its words split at spaces) and measures the time from
     * process start to the first answer of {@code --url}'s health endpoint, then stops it.
     */
    private Report startup() throws Exception {
        String command = options.text("command", "");
        if (command.isBlank()) {
            throw new IllegalArgumentException("startup needs --command, the command that starts the server");
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(options.text("url", "http://127.0.0.1:8080") + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command.strip().split("\\s+"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Long answeredNanos = null;
            while (answeredNanos == null && process.isAlive() && System.nanoTime() < deadline) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        answeredNanos = System.nanoTime();
                    }
                } catch (IOException notListening) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
            if (answeredNanos == null) {
                throw new IllegalStateException("the server never answered; exit code "
                        + (process.isAlive() ? "none, still running" : process.exitValue()));
            }
            double millis = (answeredNanos - start) / 1e6;
            return new Report("startup: " + command)
                    .put("firstAnswerMs", millis)
                    .atMost("first answered request within 3 s", millis, 3_000);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private CompletableFuture<JsonNode> page(ChatServer.User user, String conversation, String after, int first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("c", conversation);
        variables.put("after", after);
        variables.put("first", first);
        return server.graphQl(
                user,
                "query($c: ID!, $after: String, $first: Int) "
                        + "{ allMessageConnection(conversationId: $c, after: $after, first: $first) { nextToken messages { id } } }",
                variables);
    }

    /**
     * How {@code user} posts: over HTTP, or with {@code --post-over websocket} over one WebSocket
     * connection per message in flight, as HTTP takes one connection per request in flight.
     */
    private Posting posting(ChatServer.User user, int inFlight) {
        return Posting.over(options.text("post-over", "http"), server, user, inFlight);
    }

    private List<ChatServer.User> users(int count) throws Exception {
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            usernames.add(runId + "-u" + i);
        }
        return server.signUpAll(usernames, SIGN_UPS_IN_FLIGHT);
    }

    /** Sends message 0 to every conversation until every subscriber received one, so all listen. */
    private void warmUp(Deliveries deliveries, int subscribers, List<String> conversations, ChatServer.User sender)
            throws InterruptedException {
        warmUp(server, runId, deadline, deliveries, subscribers, conversations, conversation -> sender);
    }

    /** The same, each conversation's message 0 sent by {@code senderOf} it, a member. */
    static void warmUp(
            ChatServer server,
            String runId,
            long deadline,
            Deliveries deliveries,
            int subscribers,
            List<String> conversations,
            Function<String, ChatServer.User> senderOf)
            throws InterruptedException {
        for (int attempt = 0; deliveries.warmedUp() < subscribers && System.nanoTime() < deadline; attempt++) {
            for (String conversation : conversations) {
                server.send(
                                senderOf.apply(conversation),
                                conversation,
                                runId + "-warm-" + attempt + "-" + conversation.hashCode(),
                                0)
                        .join();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (deliveries.warmedUp() < subscribers && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    /** Waits until {@code done}, at most 10 seconds, and never past the deadline. */
    private void await(BooleanSupplier done) throws InterruptedException {
        await(done, deadline);
    }

    /** The same with the deadline {@code deadline}. */
    static void await(BooleanSupplier done, long deadline) throws InterruptedException {
        long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static double seconds(long fromNanos, long toNanos) {
        return Math.max(1, toNanos - fromNanos) / 1e9;
    }

    private static long rssBytes(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }
}

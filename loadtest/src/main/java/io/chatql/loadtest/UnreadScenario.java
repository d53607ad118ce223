package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * A reader in C conversations holding M messages in all, half of the conversations read up to their
 * newest message and half not at all: how fast the reader gets all their counts at once, and how soon
 * a change of a count, by a new message or by a read on another device, reaches their device that
 * follows them.
 */
final class UnreadScenario {

    private static final String COUNTS = "{ unreadCounts { conversations { conversationId unreadCount mentionCount }"
            + " total { unreadCount mentionCount conversationCount } } }";

    /** The conversation whose counts changed. */
    private static final String CHANGES = "subscription { subscribeToUnreadChanges { conversationId } }";

    private static final String MARK_READ =
            "mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, messageId: $m) { id } }";

    private static final String NEWEST = "query($after: String) { conversationList(first: 100, after: $after)"
            + " { nextToken conversations { id lastMessage { id } } } }";

    private final Options options;

    private final ChatServer server;

    private final String runId;

    private final long deadline;

    UnreadScenario(Options options, ChatServer server, String runId, long deadline) {
        this.options = options;
        this.server = server;
        this.runId = runId;
        this.deadline = deadline;
    }

    Report run() throws Exception {
        int conversationCount = options.integer("conversations", 500);
        int messages = options.integer("messages", 1_000_000);
        int queries = options.integer("queries", 500);
        int changes = options.integer("changes", 500);
        ChatServer.User reader = server.signUp(runId + "-reader");
        ChatServer.User writer = server.signUp(runId + "-writer");
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            conversations.add(runId + "-unread-" + i);
            server.startConversation(conversations.get(i), writer, reader);
        }
        int stored;
        try (Posting posting = Posting.over(options.text("post-over", "http"), server, writer, 32)) {
            stored = new Sender(posting, runId)
                    .send(1, messages, seq -> conversations.get(seq % conversationCount), 32, 0, deadline);
        }
        Map<String, String> newest = newestMessages(reader);
        int half = 0;
        for (Map.Entry<String, String> conversation : newest.entrySet()) {
            if (half++ % 2 == 0) {
                server.graphQl(reader, MARK_READ, Map.of("c", conversation.getKey(), "m", conversation.getValue()))
                        .join();
            }
        }
        long firstStart = System.nanoTime();
        server.graphQl(reader, COUNTS, Map.of()).join();
        double firstMillis = (System.nanoTime() - firstStart) / 1e6;
        // The JIT compiler warms up on the query first, as after a server's first minutes.
        int warmUp = options.integer("warm-up", 2_000);
        for (int i = 0; i < warmUp && System.nanoTime() < deadline; i++) {
            server.graphQl(reader, COUNTS, Map.of()).join();
        }
        Samples reads = new Samples(queries);
        int listed = 0;
        for (int i = 0; i < queries && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            JsonNode counts = server.graphQl(reader, COUNTS, Map.of()).join();
            reads.add(System.nanoTime() - start);
            listed = counts.get("unreadCounts").get("conversations").size();
        }
        Samples afterChanges = readsAfterChanges(reader, writer, conversations);
        Samples reached = followChanges(reader, writer, conversations, changes);
        Report report = new Report(String.format(
                        "unread: a reader in %d conversations, %d messages; %d reads of all counts, %d changes followed",
                        conversationCount, stored, reads.count(), reached.count()))
                .put("conversationsCounted", listed)
                .put("changesReached", reached.count())
                .put("firstCountsMs", firstMillis)
                .put("countsP50Ms", reads.percentileMillis(50))
                .put("countsP99Ms", reads.percentileMillis(99));
        if (afterChanges.count() > 0) {
            report.put("countsAfterChangesP50Ms", afterChanges.percentileMillis(50))
                    .put("countsAfterChangesP99Ms", afterChanges.percentileMillis(99))
                    .atMost(
                            "p99 of reading all counts after others changed at most 10 ms",
                            afterChanges.percentileMillis(99),
                            10);
        }
        return report.put("changeP50Ms", reached.percentileMillis(50))
                .put("changeP99Ms", reached.percentileMillis(99))
                .atLeast("every conversation's counts in one answer", listed, conversationCount)
                .atLeast("every change reached the other device", reached.count(), 2L * changes)
                .atMost("p99 of reading all counts at most 10 ms", reads.percentileMillis(99), 10)
                .atMost("p99 of a change reaching another device at most 100 ms", reached.percentileMillis(99), 100);
    }

    /**
     * With {@code --changed-between N}, {@code --queries-after-changes} reads of all counts (200), each
     * after a message was posted to N more of the conversations in turn, as a reader finds after being
     * away: the counts of those N are new to the server too.
     */
    private Samples readsAfterChanges(ChatServer.User reader, ChatServer.User writer, List<String> conversations) {
        int changed = Math.min(options.integer("changed-between", 0), conversations.size());
        int queries = changed == 0 ? 0 : options.integer("queries-after-changes", 200);
        Samples reads = new Samples(Math.max(1, queries));
        int next = 0;
        for (int i = 0; i < queries && System.nanoTime() < deadline; i++) {
            for (int c = 0; c < changed; c++) {
                String conversation = conversations.get(next++ % conversations.size());
                server.send(writer, conversation, runId + "-between-" + i + "-" + c, 0)
                        .join();
            }
            long start = System.nanoTime();
            server.graphQl(reader, COUNTS, Map.of()).join();
            reads.add(System.nanoTime() - start);
        }
        return reads;
    }

    /**
     * Alternately posts to a conversation and marks it read from another device, one change at a
     * time, timing each from its request until the device that follows the counts hears of it.
     */
    private Samples followChanges(
            ChatServer.User reader, ChatServer.User writer, List<String> conversations, int changes)
            throws InterruptedException {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicReference<CountDownLatch> heard = new AtomicReference<>(new CountDownLatch(1));
        Samples reached = new Samples(2 * changes);
        AtomicReference<Samples> recording = new AtomicReference<>(new Samples(1));
        GraphQlSocket device = GraphQlSocket.observing(server.webSocketUri(), reader, CHANGES, (subscriber, data) -> {
            Long sentAt = pending.remove(
                    data.path("subscribeToUnreadChanges").path("conversationId").asString());
            if (sentAt != null) {
                recording.get().add(System.nanoTime() - sentAt);
                heard.get().countDown();
            }
        });
        try {
            device.subscribe("", 0);
            String probe = conversations.get(0);
            boolean following = false;
            for (int attempt = 0; !following && System.nanoTime() < deadline; attempt++) {
                pending.put(probe, System.nanoTime());
                server.send(writer, probe, runId + "-probe-" + attempt, 0).join();
                following = heard.get().await(1, TimeUnit.SECONDS);
            }
            recording.set(reached);
            for (int i = 0; i < changes && System.nanoTime() < deadline; i++) {
                String conversation = conversations.get(i % conversations.size());
                String messageId = runId + "-change-" + i;
                change(
                        pending,
                        heard,
                        conversation,
                        () -> server.send(writer, conversation, messageId, 0).join());
                change(
                        pending,
                        heard,
                        conversation,
                        () -> server.graphQl(reader, MARK_READ, Map.of("c", conversation, "m", messageId))
                                .join());
            }
            return reached;
        } finally {
            device.close();
        }
    }

    private void change(
            Map<String, Long> pending, AtomicReference<CountDownLatch> heard, String conversation, Runnable request)
            throws InterruptedException {
        heard.set(new CountDownLatch(1));
        pending.put(conversation, System.nanoTime());
        request.run();
        heard.get().await(5, TimeUnit.SECONDS);
        pending.remove(conversation);
    }

    /** The id of the newest message of each of the reader's conversations. */
    private Map<String, String> newestMessages(ChatServer.User reader) {
        Map<String, String> newest = new HashMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode page = server.graphQl(reader, NEWEST, variables).join().get("conversationList");
            for (JsonNode conversation : page.get("conversations")) {
                if (!conversation.get("lastMessage").isNull()) {
                    newest.put(
                            conversation.get("id").asString(),
                            conversation.get("lastMessage").get("id").asString());
                }
            }
            after = page.get("nextToken").isNull()
                    ? null
                    : page.get("nextToken").asString();
        } while (after != null && System.nanoTime() < deadline);
        return newest;
    }
}

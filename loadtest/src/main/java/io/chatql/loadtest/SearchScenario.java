package io.chatql.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * N messages of made-up words in C conversations, and a searcher in M of them: how fast the searcher's
 * searches are answered, and how soon a new message is found. A writer, member of every conversation,
 * posts the messages; the searcher then searches for words, pairs of words, phrases, prefixes and a
 * word from the writer, the words drawn as often as they were written (a few very common, most rare).
 * After the load, each probe posts a message with a word of its own and searches until it is found.
 */
final class SearchScenario {

    private static final String SEARCH = "query($q: String!, $o: MessageSearchOrder) {"
            + " searchMessages(query: $q, order: $o) { hits { message { id } snippet { text } } nextToken } }";

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "go", "hi", "ja", "ke", "lu", "ma", "no",
        "pe", "ri", "so", "tu", "va", "ze"
    };

    private static final int VOCABULARY = 5_000;

    private static final int WORDS_PER_MESSAGE = 8;

    private final Options options;

    private final ChatServer server;

    private final String runId;

    private final long deadline;

    private final List<String> vocabulary = vocabulary();

    SearchScenario(Options options, ChatServer server, String runId, long deadline) {
        this.options = options;
        this.server = server;
        this.runId = runId;
        this.deadline = deadline;
    }

    Report run() throws Exception {
        int conversationCount = options.integer("conversations", 1_000);
        int memberOf = Math.min(options.integer("member-of", 100), conversationCount);
        int messages = options.integer("messages", 1_000_000);
        int queries = options.integer("queries", 500);
        int probes = options.integer("probes", 50);
        String order = options.text("order", "NEWEST");
        String writerName = runId + "-writer";
        ChatServer.User writer = server.signUp(writerName);
        ChatServer.User searcher = server.signUp(runId + "-searcher");
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            conversations.add(runId + "-search-" + i);
            if (i < memberOf) {
                server.startConversation(conversations.get(i), writer, searcher);
            } else {
                server.startConversation(conversations.get(i), writer);
            }
        }
        long postingStart = System.nanoTime();
        int stored;
        try (Posting posting = Posting.over(options.text("post-over", "http"), server, writer, 32)) {
            Sender sender = new Sender(
                    (conversationId, seq, messageId, number) -> posting.mutate(
                            ChatServer.CREATE_MESSAGE,
                            Map.of(
                                    "id",
                                    messageId,
                                    "c",
                                    conversationId,
                                    "content",
                                    text(seq),
                                    "at",
                                    Instant.now().toString())),
                    runId);
            stored = sender.send(1, messages, seq -> conversations.get(seq % conversationCount), 32, 0, deadline);
        }
        double postingSeconds = (System.nanoTime() - postingStart) / 1e9;
        // The last message the searcher may see: found once the index has taken in the whole load.
        int lastSeen = stored;
        while (lastSeen > 0 && lastSeen % conversationCount >= memberOf) {
            lastSeen--;
        }
        long caughtUpStart = System.nanoTime();
        boolean caughtUp =
                lastSeen == 0 || awaitFound(searcher, "\"" + text(lastSeen) + "\"", runId + "-" + lastSeen, 600_000);
        double catchUpMs = (System.nanoTime() - caughtUpStart) / 1e6;

        SplittableRandom random = new SplittableRandom(20);
        int warmUp = options.integer("warm-up", 200);
        for (int i = 0; i < warmUp && System.nanoTime() < deadline; i++) {
            search(searcher, query(random, i, writerName), order);
        }
        Samples searches = new Samples(queries);
        long hits = 0;
        for (int i = 0; i < queries && System.nanoTime() < deadline; i++) {
            String query = query(random, i, writerName);
            long start = System.nanoTime();
            JsonNode page = search(searcher, query, order);
            searches.add(System.nanoTime() - start);
            hits += page.get("hits").size();
        }
        Samples found = new Samples(probes);
        int missed = 0;
        for (int i = 0; i < probes && System.nanoTime() < deadline; i++) {
            String word = runId + "probe" + i;
            long sentAt = System.nanoTime();
            server.graphQl(
                            writer,
                            ChatServer.CREATE_MESSAGE,
                            Map.of(
                                    "id",
                                    runId + "-probe-" + i,
                                    "c",
                                    conversations.get(i % memberOf),
                                    "content",
                                    "probe " + word,
                                    "at",
                                    Instant.now().toString()))
                    .join();
            if (awaitFound(searcher, word, runId + "-probe-" + i, 5_000)) {
                found.add(System.nanoTime() - sentAt);
            } else {
                missed++;
            }
        }
        return new Report(String.format(
                        "search: %d messages in %d conversations, a searcher in %d; %d searches, %d probes",
                        stored, conversationCount, memberOf, searches.count(), found.count()))
                .put("messagesStored", stored)
                .put("postingSeconds", postingSeconds)
                .put("messagesPerSecond", stored / postingSeconds)
                .put("indexCaughtUpMs", caughtUp ? catchUpMs : Double.NaN)
                .put("searches", searches.count())
                .put("hitsPerSearch", searches.count() == 0 ? 0 : (double) hits / searches.count())
                .put("searchP50Ms", searches.percentileMillis(50))
                .put("searchP99Ms", searches.percentileMillis(99))
                .put("probesFound", found.count())
                .put("probesMissed", missed)
                .put("findableP50Ms", found.percentileMillis(50))
                .put("findableP99Ms", found.percentileMillis(99))
                .atLeast("the whole load indexed", caughtUp ? 1 : 0, 1)
                .atMost("every probe found", missed, 0)
                .atMost("p99 of a search at most 100 ms", searches.percentileMillis(99), 100)
                .atMost("p99 of a new message findable at most 2 s", found.percentileMillis(99), 2_000);
    }

    /** One search of the mix: a word, two words, a phrase, a prefix, a word of the writer's. */
    private String query(SplittableRandom random, int i, String writerName) {
        String word = word(random);
        return switch (i % 5) {
            case 0 -> word;
            case 1 -> word + " " + word(random);
            case 2 -> "\"" + word + " " + word(random) + "\"";
            case 3 -> word.substring(0, Math.min(4, word.length())) + "*";
            default -> "from:" + writerName + " " + word;
        };
    }

    private JsonNode search(ChatServer.User searcher, String query, String order) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", query);
        variables.put("o", order);
        return server.graphQl(searcher, SEARCH, variables).join().get("searchMessages");
    }

    /** Searches until message {@code id} is among the hits; false when it was not within {@code patienceMillis}. */
    private boolean awaitFound(ChatServer.User searcher, String query, String id, long patienceMillis)
            throws InterruptedException {
        long giveUp = System.nanoTime() + patienceMillis * 1_000_000;
        while (System.nanoTime() < giveUp) {
            for (JsonNode hit : search(searcher, query, "NEWEST").get("hits")) {
                if (hit.get("message").get("id").asString().equals(id)) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The content of message {@code seq}: the same words for the same number on every run. */
    private String text(int seq) {
        SplittableRandom random = new SplittableRandom(seq);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < WORDS_PER_MESSAGE; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    /** A word of the vocabulary, the first ones far more often than the last. */
    private String word(SplittableRandom random) {
        double draw = random.nextDouble();
        return vocabulary.get((int) (VOCABULARY * draw * draw * draw));
    }

    private static List<String> vocabulary() {
        SplittableRandom random = new SplittableRandom(VOCABULARY);
        List<String> words = new ArrayList<>();
        while (words.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (!words.contains(word.toString())) {
                words.add(word.toString());
            }
        }
        return words;
    }
}

package io.chatql.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario, at a small scale, against the server jar that the build made just before (the
 * server module comes first in the build), on its embedded defaults.
 */
class ScenariosIntegrationTests {

    private static final Path SERVER_JAR = Path.of("../server/target/chatql.jar");

    @TempDir
    static Path dataDir;

    private static Process server;

    private static String url;

    private static Report presence;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(SERVER_JAR)
                .as("the server jar; build the server module first")
                .exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        SERVER_JAR.toString(),
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--chatql.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile())
                .start();
        awaitHealthy();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    @Test
    void fanOutDeliversEveryMessageToEverySubscriberOnce() throws Exception {
        Report report = run("fanout", "--subscribers", "60", "--messages", "30", "--warm-up", "10");

        assertThat(report.result("deliveries")).isEqualTo(1800L);
        assertThat(report.result("lost")).isEqualTo(0L);
        assertThat(report.result("duplicated")).isEqualTo(0L);
    }

    @Test
    void steadyRateSendsAtThatRate() throws Exception {
        Report report = run("fanout", "--subscribers", "10", "--messages", "20", "--rate", "20", "--warm-up", "5");

        assertThat((Double) report.result("messagesPerSecond")).isBetween(15.0, 21.0);
        assertThat(report.result("lost")).isEqualTo(0L);
    }

    @Test
    void roomsDeliverEachMessageToItsRoomOnly() throws Exception {
        Report report = run("rooms", "--rooms", "10", "--per-room", "2", "--messages", "40", "--warm-up", "20");

        assertThat(report.result("deliveries")).isEqualTo(80L);
        assertThat(report.result("lost")).isEqualTo(0L);
        assertThat(report.result("duplicated")).isEqualTo(0L);
        assertThat((Double) report.result("serverCpuMsPerMessage")).isPositive();
    }

    @Test
    void roomsWithUnreadReadersChangeAReadersCountsForEachMessage() throws Exception {
        Report report = run(
                "rooms",
                "--rooms",
                "6",
                "--per-room",
                "2",
                "--messages",
                "30",
                "--warm-up",
                "12",
                "--unread-readers",
                "3");

        assertThat(report.result("deliveries")).isEqualTo(60L);
        assertThat(report.result("unreadChangesHeard")).isEqualTo(30L);
    }

    @Test
    void roomsPostOverWebSocketsToo() throws Exception {
        Report report = run(
                "rooms",
                "--rooms",
                "10",
                "--per-room",
                "2",
                "--messages",
                "40",
                "--warm-up",
                "20",
                "--post-over",
                "websocket");

        assertThat(report.result("postedOver")).isEqualTo("websocket");
        assertThat(report.result("failedMutations")).isEqualTo(0);
        assertThat(report.result("deliveries")).isEqualTo(80L);
        assertThat(report.result("lost")).isEqualTo(0L);
    }

    @Test
    void mixedDeliversEveryPostEditAndReactionToItsRoomsTimeline() throws Exception {
        Report report = run(
                "mixed",
                "--rooms",
                "10",
                "--per-room",
                "2",
                "--messages",
                "100",
                "--warm-up",
                "50",
                "--post-over",
                "websocket");

        assertThat(report.result("failedMutations")).isEqualTo(0);
        assertThat((Integer) report.result("edits")).isPositive();
        assertThat((Long) report.result("reactions")).isPositive();
        assertThat(report.result("reactionEventsDelivered")).isEqualTo(2 * (Long) report.result("reactions"));
        assertThat(report.result("deliveries")).isEqualTo(2 * (100 - (Long) report.result("reactions")));
        assertThat(report.result("lost")).isEqualTo(0L);
        assertThat(report.result("duplicated")).isEqualTo(0L);
    }

    @Test
    void aMutationOverWebSocketAnsweredWithErrorsFails() {
        ChatServer chat = new ChatServer(url);
        try (Posting posting = Posting.over("websocket", chat, chat.signUp("ws-poster"), 1)) {
            assertThat(posting.post("no-such-conversation", "m1", 1))
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat()
                    .withMessageContaining("answered with errors");
        }
    }

    @Test
    void idleHoldsEverySubscriptionAndMeasuresTheServer() throws Exception {
        Report report = run(
                "idle", "--subscriptions", "120", "--hold-seconds", "1", "--server-pid", String.valueOf(server.pid()));

        assertThat(report.result("established")).isEqualTo(120L);
        assertThat(report.result("bytesPerSubscription")).isNotNull();
    }

    @Test
    void historyReadsPagesDeepInTheConversation() throws Exception {
        Report report = run("history", "--messages", "250", "--pages", "10", "--warm-up", "5");

        assertThat((Double) report.result("pageP99Ms")).isPositive();
    }

    @Test
    void presenceTellsEachChangeToItsUserAndTheirContacts() throws Exception {
        Report report = presence();

        assertThat(report.result("changes")).isEqualTo(40L);
        assertThat(report.result("changesToldToWatchers")).isEqualTo(200L);
        assertThat(report.result("changesLost")).isEqualTo(0L);
    }

    @Test
    void presenceCountsTheStatementsOfItsQuietHeartbeats() throws Exception {
        Report report = presence();

        assertThat((Double) report.result("quietHeartbeats")).isPositive();
        assertThat(report.result("quietWrites")).isNotNull();
    }

    @Test
    void presenceStormResumesEveryConnectionWithoutLosingAMessage() throws Exception {
        Report report = presence();

        assertThat(report.result("resumed")).isEqualTo(20);
        assertThat(report.result("stormMessages")).isEqualTo(50);
        assertThat(report.result("lost")).isEqualTo(0L);
        assertThat(report.result("duplicated")).isEqualTo(0L);
    }

    @Test
    void typingTellsEachStartToTheOtherTypist() throws Exception {
        Report report = run("typing", "--conversations", "10", "--cadence-ms", "2000", "--seconds", "4");

        assertThat((Long) report.result("changes")).isPositive();
        assertThat(report.result("toldToWatchers")).isEqualTo(report.result("changes"));
        assertThat(report.result("lost")).isEqualTo(0L);
    }

    @Test
    void crowdedTypingTellsEveryFollowerEachCountAndNoName() throws Exception {
        Report report = run("typing", "--members", "105", "--typists", "3", "--seconds", "3");

        assertThat((Long) report.result("changes")).isGreaterThanOrEqualTo(2L);
        assertThat(report.result("toldToWatchers")).isEqualTo(102 * (Long) report.result("changes"));
        assertThat(report.result("eventsNamingTypists")).isEqualTo(0L);
        assertThat(report.result("lost")).isEqualTo(0L);
    }

    @Test
    void ghostTypistIsToldGoneOnceItsConnectionDies() throws Exception {
        Report report = run("typing", "--ghosts", "5");

        assertThat(report.result("shownTyping")).isEqualTo(5L);
        assertThat(report.result("toldToWatchers")).isEqualTo(5L);
        assertThat((Double) report.result("latencyMaxMs")).isLessThan(6_000.0);
    }

    @Test
    void startupTimesTheServerFromProcessStartToFirstAnswer(@TempDir Path startupData) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String command = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + SERVER_JAR
                + " --server.port=" + port + " --server.address=127.0.0.1 --chatql.data-dir=" + startupData;

        Report report = new Scenarios(Options.parse(
                        "startup", "--command", command, "--url", "http://127.0.0.1:" + port, "--max-seconds", "90"))
                .run();

        assertThat((Double) report.result("firstAnswerMs")).isPositive();
    }

    @Test
    void unreadReadsEveryCountAndFollowsEveryChange() throws Exception {
        Report report = run(
                "unread",
                "--conversations",
                "20",
                "--messages",
                "200",
                "--queries",
                "20",
                "--changes",
                "10",
                "--warm-up",
                "10",
                "--changed-between",
                "5",
                "--queries-after-changes",
                "4");

        assertThat(report.result("conversationsCounted")).isEqualTo(20);
        assertThat(report.result("changesReached")).isEqualTo(20);
        assertThat((Double) report.result("firstCountsMs")).isPositive();
        assertThat((Double) report.result("countsAfterChangesP99Ms")).isPositive();
    }

    @Test
    void searchFindsTheWholeLoadAndEveryProbe() throws Exception {
        Report report = run(
                "search",
                "--conversations",
                "10",
                "--member-of",
                "4",
                "--messages",
                "300",
                "--queries",
                "20",
                "--probes",
                "5",
                "--warm-up",
                "10");

        assertThat(report.result("messagesStored")).isEqualTo(300);
        assertThat(report.result("indexCaughtUpMs")).isNotNull();
        assertThat(report.result("searches")).isEqualTo(20);
        assertThat(report.result("probesFound")).isEqualTo(5);
        assertThat(report.result("probesMissed")).isEqualTo(0);
    }

    private static Report run(String... args) throws Exception {
        String[] withServer = new String[args.length + 4];
        System.arraycopy(args, 0, withServer, 0, args.length);
        withServer[args.length] = "--url";
        withServer[args.length + 1] = url;
        withServer[args.length + 2] = "--max-seconds";
        withServer[args.length + 3] = "60";
        return new Scenarios(Options.parse(withServer)).run();
    }

    /** One presence run at a small scale, shared by the tests of its parts. */
    private static synchronized Report presence() throws Exception {
        if (presence == null) {
            presence = run(
                    "presence",
                    "--users",
                    "20",
                    "--contacts",
                    "4",
                    "--changes",
                    "40",
                    "--rate",
                    "20",
                    "--settle-seconds",
                    "0",
                    "--quiet-seconds",
                    "6",
                    "--storm-seconds",
                    "5",
                    "--storm-rate",
                    "10");
        }
        return presence;
    }

    private static void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive())
                    .as("the server is running; see %s", dataDir.resolve("server.log"))
                    .isTrue();
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start: " + Files.readString(dataDir.resolve("server.log")));
    }
}

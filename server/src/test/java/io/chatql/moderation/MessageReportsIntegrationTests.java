package io.chatql.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Members report messages; administrators, and only they, read the queue, newest first, and resolve
 * reports by dismissing them, deleting the message or disabling its author.
 */
@TestPropertySource(properties = "chatql.auth.admin-username=" + MessageReportsIntegrationTests.ADMIN)
abstract class MessageReportsIntegrationTests extends IntegrationTest {

    static final String ADMIN = "moderator";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void memberReportsAMessageForTheAdministrators() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String messageId = send(mallory, conversationId, "buy cheap watches");

        GraphQlTester.Response report = report(alice, conversationId, messageId, "  spam \n");

        report.path("reportMessage.status")
                .entity(String.class)
                .isEqualTo("OPEN")
                .path("reportMessage.reason")
                .entity(String.class)
                .isEqualTo("spam")
                .path("reportMessage.reporter.id")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("reportMessage.message.content")
                .entity(String.class)
                .isEqualTo("buy cheap watches")
                .path("reportMessage.action")
                .valueIsNull();
        Map<?, ?> queued = newestReports(null, 1).get(0);
        assertThat(queued.get("id")).isEqualTo(idOf(report));
        assertThat(queued.get("reason")).isEqualTo("spam");
        assertThat(((Map<?, ?>) queued.get("message")).get("sender")).isEqualTo(mallory.userId());
        assertThat(Instant.parse((String) queued.get("createdAt")))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void nonMemberAndUnknownMessageAreNotFound() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);
        String messageId = send(alice, conversationId, "between us");
        long reportsBefore = reportRows();

        expectError(report(mallory, conversationId, messageId, "nosy"), ErrorType.NOT_FOUND);
        expectError(report(alice, conversationId, "no-such-message", "ghost"), ErrorType.NOT_FOUND);

        assertThat(reportRows()).isEqualTo(reportsBefore);
    }

    @Test
    void reasonIsRequiredAndAtMost1000CharactersOnceTrimmed() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String messageId = send(alice, conversationId, "hello");
        long reportsBefore = reportRows();

        expectError(report(alice, conversationId, messageId, " \t\n "), ErrorType.BAD_REQUEST);
        expectError(report(alice, conversationId, messageId, "x".repeat(1001)), ErrorType.BAD_REQUEST);
        assertThat(reportRows()).isEqualTo(reportsBefore);

        report(alice, conversationId, messageId, "  " + "x".repeat(1000) + "  ")
                .path("reportMessage.reason")
                .entity(String.class)
                .isEqualTo("x".repeat(1000));
    }

    @Test
    void reportingAMessageAgainReturnsTheReportMade() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String messageId = send(mallory, conversationId, "rude");
        String first = idOf(report(alice, conversationId, messageId, "rude"));
        long reportsBefore = reportRows();

        report(alice, conversationId, messageId, "very rude")
                .path("reportMessage.id")
                .entity(String.class)
                .isEqualTo(first)
                .path("reportMessage.reason")
                .entity(String.class)
                .isEqualTo("rude");

        assertThat(reportRows()).isEqualTo(reportsBefore);
    }

    @Test
    void onlyAdministratorsReadOrResolveTheQueue() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String reportId = idOf(report(alice, conversationId, send(alice, conversationId, "mine"), "test"));

        expectError(graphQl(alice).documentName("messageReports").execute(), ErrorType.FORBIDDEN);
        expectError(resolve(alice, reportId, "DISMISS"), ErrorType.FORBIDDEN);
        assertThat(reportById(reportId).get("status")).isEqualTo("OPEN");
    }

    @Test
    void queueListsNewestFirstInPagesAndByStatus() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.add(0, idOf(report(alice, conversationId, send(alice, conversationId, "m" + i), "r" + i)));
        }
        resolve(admin(), newestFirst.get(0), "DISMISS");

        GraphQlTester.Response first = graphQl(admin())
                .documentName("messageReports")
                .variable("first", 2)
                .execute();
        first.path("messageReports.reports[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.get(0), newestFirst.get(1));
        graphQl(admin())
                .documentName("messageReports")
                .variable("first", 1)
                .variable(
                        "after",
                        first.path("messageReports.nextToken")
                                .entity(String.class)
                                .get())
                .execute()
                .path("messageReports.reports[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.get(2));
        assertThat(newestReports("OPEN", 2))
                .extracting(report -> report.get("id"))
                .containsExactly(newestFirst.get(1), newestFirst.get(2));
    }

    @Test
    void anAlteredPageTokenIsABadRequest() {
        expectError(
                graphQl(admin())
                        .documentName("messageReports")
                        .variable("after", "not-a-token")
                        .execute(),
                ErrorType.BAD_REQUEST);
    }

    @Test
    void deletingTheMessageLeavesMembersATombstone() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String messageId = send(mallory, conversationId, "offensive");
        String reportId = idOf(report(alice, conversationId, messageId, "offensive"));

        resolve(admin(), reportId, "DELETE_MESSAGE")
                .path("resolveMessageReport.status")
                .entity(String.class)
                .isEqualTo("RESOLVED")
                .path("resolveMessageReport.action")
                .entity(String.class)
                .isEqualTo("DELETE_MESSAGE")
                .path("resolveMessageReport.resolvedBy.id")
                .entity(String.class)
                .isEqualTo(admin().userId())
                .path("resolveMessageReport.message.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);

        graphQl(alice)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages[0].id")
                .entity(String.class)
                .isEqualTo(messageId)
                .path("allMessageConnection.messages[0].content")
                .entity(String.class)
                .isEqualTo("");
    }

    @Test
    void resolvingAReportResolvesEveryOpenReportOfTheMessage() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, bob, mallory);
        String messageId = send(mallory, conversationId, "spam");
        String alicesReport = idOf(report(alice, conversationId, messageId, "spam"));
        String bobsReport = idOf(report(bob, conversationId, messageId, "also spam"));

        resolve(admin(), alicesReport, "DISMISS");

        Map<?, ?> bobs = reportById(bobsReport);
        assertThat(bobs.get("status")).isEqualTo("RESOLVED");
        assertThat(bobs.get("action")).isEqualTo("DISMISS");
    }

    @Test
    void aResolvedReportIsAnsweredAsItIsAndNothingIsDoneAgain() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String messageId = send(mallory, conversationId, "borderline");
        String reportId = idOf(report(alice, conversationId, messageId, "borderline"));
        resolve(admin(), reportId, "DISMISS");

        resolve(admin(), reportId, "DELETE_MESSAGE")
                .path("resolveMessageReport.action")
                .entity(String.class)
                .isEqualTo("DISMISS")
                .path("resolveMessageReport.message.content")
                .entity(String.class)
                .isEqualTo("borderline");
    }

    @Test
    void theReporterIsNotToldWhoResolvedTheReport() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String messageId = send(mallory, conversationId, "meh");
        resolve(admin(), idOf(report(alice, conversationId, messageId, "meh")), "DISMISS");

        report(alice, conversationId, messageId, "meh")
                .path("reportMessage.status")
                .entity(String.class)
                .isEqualTo("RESOLVED")
                .path("reportMessage.resolvedBy")
                .valueIsNull();
    }

    @Test
    void unknownReportIsNotFound() {
        expectError(resolve(admin(), "no-such-report", "DISMISS"), ErrorType.NOT_FOUND);
    }

    @Test
    void disablingTheAuthorClosesTheirConnectionAndRefusesTheirSignInAndToken() throws Exception {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        String reportId = idOf(report(alice, conversationId, send(mallory, conversationId, "abuse"), "abuse"));
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + mallory.accessToken() + "\"}}");
            socket.awaitContaining("connection_ack");

            resolve(admin(), reportId, "DISABLE_AUTHOR")
                    .path("resolveMessageReport.action")
                    .entity(String.class)
                    .isEqualTo("DISABLE_AUTHOR");

            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4403);
        }
        http().post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", mallory.username(), "password", "password-" + mallory.username()))
                .exchange()
                .expectStatus()
                .isForbidden();
        expectMeAnswered("Authorization", "Bearer " + mallory.accessToken(), 401);
    }

    @Test
    void disablingABotAuthorRefusesItsApiKey() {
        Account alice = signUp("alice");
        GraphQlTester.Response created = graphQl(admin())
                .documentName("createApiKey")
                .variable("name", uniqueName("bot"))
                .variable("expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())
                .execute();
        String key = created.path("createApiKey.key").entity(String.class).get();
        Account bot = new Account(
                created.path("createApiKey.apiKey.userId").entity(String.class).get(), "bot", "", "");
        String conversationId = startConversation(alice, bot);
        String messageId = UUID.randomUUID().toString();
        HttpGraphQlTester asBot = HttpGraphQlTester.create(http().mutate()
                .baseUrl(client().baseUrl() + "/graphql")
                .defaultHeader("x-api-key", key)
                .build());
        asBot.documentName("createMessage")
                .variable("id", messageId)
                .variable("conversationId", conversationId)
                .variable("content", "spam, spam, spam")
                .variable("createdAt", messageId)
                .execute()
                .path("createMessage.id")
                .entity(String.class)
                .isEqualTo(messageId);

        resolve(admin(), idOf(report(alice, conversationId, messageId, "a bot spamming")), "DISABLE_AUTHOR");

        expectMeAnswered("x-api-key", key, 401);
    }

    @Test
    void anAdministratorCannotDisableThemselvesThroughAReportWhichStaysOpen() {
        Account admin = admin();
        Account alice = signUp("alice");
        String conversationId = startConversation(admin, alice);
        String reportId = idOf(report(alice, conversationId, send(admin, conversationId, "from the admin"), "hm"));

        expectError(resolve(admin, reportId, "DISABLE_AUTHOR"), ErrorType.BAD_REQUEST);

        assertThat(reportById(reportId).get("status")).isEqualTo("OPEN");
        expectMeAnswered("Authorization", "Bearer " + admin.accessToken(), 200);
    }

    private Account admin() {
        return client().signUpOnce(ADMIN);
    }

    private GraphQlTester.Response report(Account reporter, String conversationId, String messageId, String reason) {
        return graphQl(reporter)
                .documentName("reportMessage")
                .variable("conversationId", conversationId)
                .variable("messageId", messageId)
                .variable("reason", reason)
                .execute();
    }

    private GraphQlTester.Response resolve(Account caller, String reportId, String action) {
        return graphQl(caller)
                .documentName("resolveMessageReport")
                .variable("id", reportId)
                .variable("action", action)
                .execute();
    }

    private static String idOf(GraphQlTester.Response report) {
        return report.path("reportMessage.id").entity(String.class).get();
    }

    /** The newest reports of the queue, of {@code status} or all, as an administrator reads them. */
    private List<Map> newestReports(String status, int first) {
        return graphQl(admin())
                .documentName("messageReports")
                .variable("status", status)
                .variable("first", first)
                .execute()
                .path("messageReports.reports")
                .entityList(Map.class)
                .get();
    }

    /** The report as an administrator reads it in the queue, among the newest hundred. */
    private Map<?, ?> reportById(String id) {
        return newestReports(null, 100).stream()
                .filter(report -> id.equals(report.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("report " + id + " is not among the newest"));
    }

    private long reportRows() {
        return jdbc.sql("select count(*) from message_report").query(Long.class).single();
    }
}

package io.chatql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The base of the fuzz suites: after each, the log holds no stack trace and the server still serves a
 * sign-up, a conversation and a message delivered live.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class FuzzIntegrationTest extends IntegrationTest {

    private static final List<String> WRITTEN_BY_CLIENTS = List.of(
            "chat_user",
            "credential",
            "conversation",
            "user_conversation",
            "message",
            "api_key",
            "user_block",
            "message_report",
            "disabled_account");

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void serverStillServes(CapturedOutput output) throws Exception {
        Leaks.assertNoStackTrace(output);
        Account carol = signUp("carol");
        String conversationId = startConversation(carol);
        int subscribersBefore = subscribers.count();
        CompletableFuture<String> delivered = webSocket(carol)
                .documentName("subscribeToNewMessage")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.id", String.class)
                .next()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);

        String id = send(carol, conversationId, "still serving");

        assertThat(delivered.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(id);
    }

    /** The number of rows in each table that a client's request writes. */
    protected Map<String, Long> storedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : WRITTEN_BY_CLIENTS) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return rows;
    }
}

package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.ChatQlApplication;
import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.RawWebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;

/**
 * On shutdown, the server ends subscriptions and tells clients it is going away, and finishes the
 * requests in flight: no acknowledged message is lost.
 */
class ShutdownIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedMessageSurvivesAShutdownUnderLoad() throws Exception {
        ConfigurableApplicationContext server = start();
        ChatClient client = clientOf(server);
        Account alice = client.signUp("alice");
        String conversationId = client.startConversation(alice);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            for (int thread = 0; thread < 4; thread++) {
                senders.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        try {
                            acknowledged.add(client.send(alice, conversationId, "in flight " + i));
                        } catch (Throwable refusedOnceStopped) {
                            return;
                        }
                    }
                });
            }
            while (acknowledged.size() < 20) {
                Thread.sleep(10);
            }
            server.close();
        } finally {
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(storedMessageIds(clientOf(restarted), alice, conversationId))
                    .containsAll(acknowledged);
        }
    }

    @Test
    void shutdownClosesRealtimeConnectionsWith1001() throws Exception {
        ConfigurableApplicationContext server = start();
        ChatClient client = clientOf(server);
        Account alice = client.signUp("alice");
        String conversationId = client.startConversation(alice);

        try (RawWebSocket socket =
                RawWebSocket.connect(client.webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken() + "\"}}");
            socket.awaitContaining("connection_ack");
            // From the conversation's beginning: a message posted while the subscription is starting
            // arrives all the same.
            socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                    + "subscribeToNewMessage(conversationId: \\\"" + conversationId
                    + "\\\", after: \\\"\\\") { id } }\"}}");
            Subscribers events = server.getBean(Subscribers.class);
            long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
            while (events.count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String sent = client.send(alice, conversationId, "before the shutdown");
            assertThat(socket.awaitContaining("\"next\"")).contains(sent);

            server.close();

            assertThat(socket.closeStatus(ChatClient.TIMEOUT).getCode()).isEqualTo(1001);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChatQlApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--chatql.data-dir=" + dataDir);
    }

    private static ChatClient clientOf(ConfigurableApplicationContext server) {
        return new ChatClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
    }

    private static List<String> storedMessageIds(ChatClient client, Account account, String conversationId) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            GraphQlTester.Response page = client.graphQl(account)
                    .documentName("getConversationMessages")
                    .variable("conversationId", conversationId)
                    .variable("first", 100)
                    .variable("after", token)
                    .execute();
            ids.addAll(page.path("allMessageConnection.messages[*].id")
                    .entityList(String.class)
                    .get());
            token = (String)
                    page.path("allMessageConnection").entity(Map.class).get().get("nextToken");
        } while (token != null);
        return ids;
    }
}

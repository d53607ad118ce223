package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.ChatQlApplication;
import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.RawWebSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

/** On shutdown, the server ends subscriptions and tells clients it is going away. */
class ShutdownIntegrationTests {

    @Test
    void shutdownClosesRealtimeConnectionsWith1001() throws Exception {
        ConfigurableApplicationContext server = new SpringApplicationBuilder(ChatQlApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:mem:shutdown-" + UUID.randomUUID());
        ChatClient client =
                new ChatClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
        Account alice = client.signUp("alice");
        String conversationId = client.startConversation(alice);

        try (RawWebSocket socket =
                RawWebSocket.connect(client.webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken() + "\"}}");
            socket.awaitContaining("connection_ack");
            socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                    + "subscribeToNewMessage(conversationId: \\\"" + conversationId + "\\\") { id } }\"}}");
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
}

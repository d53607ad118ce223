package io.chatql.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.graphql.client.WebSocketDisconnectedException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;

/**
 * Records the events of one subscription over graphql-transport-ws, each the object at the
 * subscription's field, so that a test can wait for one that matches.
 */
public final class SubscriptionRecorder {

    private final WebSocketGraphQlTester socket;

    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

    private final Disposable subscription;

    private SubscriptionRecorder(WebSocketGraphQlTester socket, String documentName, Map<String, Object> variables) {
        this.socket = socket;
        WebSocketGraphQlTester.Request<?> request = socket.documentName(documentName);
        variables.forEach(request::variable);
        this.subscription = request.executeSubscription()
                .toFlux(documentName, Map.class)
                .onErrorComplete(WebSocketDisconnectedException.class)
                .subscribe(event -> received.add(unchecked(event)));
    }

    /**
     * Subscribes with the document {@code documentName}, whose subscription field has the same name,
     * over {@code socket}.
     */
    public static SubscriptionRecorder record(
            WebSocketGraphQlTester socket, String documentName, Map<String, Object> variables) {
        return new SubscriptionRecorder(socket, documentName, variables);
    }

    /** Waits until an event that matches has arrived, and answers the first. */
    public Map<String, Object> await(Predicate<Map<String, Object>> matching) throws InterruptedException {
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> event : received) {
                if (matching.test(event)) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        assertThat(received).as("events received").anyMatch(matching);
        throw new AssertionError("unreachable");
    }

    /** Waits until {@code count} events that match have arrived, and answers those received by then. */
    public List<Map<String, Object>> await(Predicate<Map<String, Object>> matching, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        while (received.stream().filter(matching).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received.stream().filter(matching).toList();
    }

    /** The events received so far. */
    public List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    /** Ends the subscription and its connection. */
    public void stop() {
        subscription.dispose();
        socket.stop().block(ChatClient.TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unchecked(Map<?, ?> event) {
        return (Map<String, Object>) event;
    }
}

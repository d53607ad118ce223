package io.chatql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.RawWebSocket;
import io.chatql.support.WireWebSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Hostile frames of every message type of the three WebSocket protocols, and frames of every opcode,
 * final or not, that break the framing itself: a connection may be closed
 * with one of the documented close codes for a client's mistake, never 1011, no message names a class,
 * and another user's subscription keeps receiving.
 */
abstract class WebSocketFuzzIntegrationTests extends FuzzIntegrationTest {

    /**
     * The close codes for a client's mistakes: normal, message too big, invalid message, unauthorized,
     * too many connections, init timeout, subscriber exists, too many init requests; and 1005 when the
     * test client saw the connection end before its close frame, as {@link RawWebSocket} can.
     */
    private static final Set<Integer> CLIENT_CLOSE_CODES = Set.of(1000, 1005, 1009, 4400, 4401, 4403, 4408, 4409, 4429);

    /**
     * The close codes for frames that break the WebSocket protocol itself, as well: a protocol error,
     * data of a kind the server does not take, text that is not UTF-8.
     */
    private static final Set<Integer> FRAMING_CLOSE_CODES = Stream.concat(
                    CLIENT_CLOSE_CODES.stream(), Stream.of(1002, 1003, 1007))
            .collect(Collectors.toUnmodifiableSet());

    private static final int CLOSE = 0x8;

    private static final Map<String, List<String>> MESSAGE_TYPES = Map.of(
            "graphql-transport-ws", List.of("connection_init", "subscribe", "complete", "ping", "pong"),
            "graphql-ws", List.of("connection_init", "start", "stop", "connection_terminate"),
            "appsync", List.of("connection_init", "start", "stop"));

    private static final List<Operation> OPERATIONS = SchemaOperations.all();

    private static final String PROBE_ID = "probe";

    private Account alice;

    private String conversationId;

    @BeforeEach
    void conversation() {
        alice = signUp("alice");
        conversationId = startConversation(alice);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void everyMessageTypeAnswersHostileFramesWithoutAServerErrorAndOthersKeepReceiving(String protocol)
            throws Exception {
        Account bob = signUp("bob");
        String bobsConversation = startConversation(bob);
        int subscribersBefore = subscribers.count();
        try (RawWebSocket bystander = connect("graphql-transport-ws", true)) {
            bystander.send(init("graphql-transport-ws", bob.accessToken()));
            bystander.awaitContaining("connection_ack");
            bystander.send("{\"id\":\"live\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                    + "subscribeToNewMessage(conversationId: \\\"" + bobsConversation + "\\\") { id } }\"}}");
            awaitSubscribers(subscribersBefore + 1);

            Trials.run(protocol + " frames", hostile -> {
                try (RawWebSocket socket = connect(protocol, hostile.chance(80))) {
                    answersWithoutAServerError(socket, protocol, hostile);
                } catch (Exception ex) {
                    throw new AssertionError(ex);
                }
            });

            String id = send(bob, bobsConversation, "still live");
            assertThat(bystander.awaitContaining(id)).contains("\"id\":\"live\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void everyFrameTypeAnswersHostileFramingWithoutAServerError(String protocol) {
        Trials.run(protocol + " framing", hostile -> {
            try (WireWebSocket socket = WireWebSocket.connect(port, path(protocol, true), subProtocolOf(protocol))) {
                socket.send(init(protocol, alice.accessToken()));
                boolean closedByTheClient = false;
                for (int frames = hostile.between(1, 3); frames > 0; frames--) {
                    int opcode = hostile.between(0, 15);
                    closedByTheClient |= opcode == CLOSE;
                    byte[] payload = hostile.chance(50)
                            ? hostile.json().getBytes(StandardCharsets.UTF_8)
                            : hostile.broken(hostile.json());
                    socket.sendFrame(opcode, hostile.chance(70), payload);
                }
                socket.send(probe(protocol));

                String answer = socket.awaitContainingOrClose(PROBE_ID);

                Leaks.assertNoneIn("the answer to hostile framing", answer);
                if (answer.startsWith("close ") && !closedByTheClient) {
                    assertThat(Integer.parseInt(answer.substring("close ".length())))
                            .as("close code after hostile framing")
                            .isIn(FRAMING_CLOSE_CODES);
                }
            } catch (SocketException reset) {
                // The server closed the connection on a frame while the next ones were on their way,
                // and the kernel reset it: no close code to read.
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private void answersWithoutAServerError(RawWebSocket socket, String protocol, Hostile hostile) throws Exception {
        List<String> sent = new ArrayList<>();
        if (hostile.chance(75)) {
            sent.add(init(protocol, alice.accessToken()));
        }
        for (int frames = hostile.between(1, 4); frames > 0; frames--) {
            sent.add(frame(protocol, hostile));
        }
        sent.add(probe(protocol));
        sent.forEach(socket::send);

        for (String message : awaitProbeOrClose(socket, sent)) {
            Leaks.assertNoneIn("a message after " + abbreviated(sent), message);
            assertThat(message).as("a message after %s", abbreviated(sent)).doesNotContain("INTERNAL_ERROR");
        }
    }

    /** The messages until the answer to the probe or until the server closes the connection, checking its code. */
    private static List<String> awaitProbeOrClose(RawWebSocket socket, List<String> sent) throws Exception {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            received.addAll(socket.drain());
            if (received.stream().anyMatch(message -> message.contains(PROBE_ID))) {
                return received;
            }
            try {
                CloseStatus status = socket.closeStatus(Duration.ofMillis(50));
                received.addAll(socket.drain());
                assertThat(status.getCode())
                        .as("close code after %s: %s", abbreviated(sent), status)
                        .isIn(CLIENT_CLOSE_CODES);
                Leaks.assertNoneIn("the close reason", String.valueOf(status.getReason()));
                return received;
            } catch (TimeoutException notYet) {
                // Neither answered nor closed: wait on.
            } catch (ExecutionException refused) {
                String handshake = String.valueOf(refused.getCause().getMessage());
                assertThat(handshake).as("the handshake's answer").doesNotContainPattern("\\b5\\d\\d\\b");
                return received;
            }
        }
        throw new AssertionError("Neither an answer nor a close after " + abbreviated(sent) + ", only " + received);
    }

    private static List<String> abbreviated(List<String> frames) {
        return frames.stream().map(Leaks::abbreviated).toList();
    }

    private RawWebSocket connect(String protocol, boolean validHeader) {
        URI uri = URI.create("ws://127.0.0.1:" + port + path(protocol, validHeader));
        return RawWebSocket.connect(uri, new HttpHeaders(), subProtocolOf(protocol));
    }

    private String path(String protocol, boolean validHeader) {
        if (validHeader || !protocol.equals("appsync")) {
            return webSocketPath(protocol, alice.accessToken());
        }
        String header = appSyncHeader(alice.accessToken());
        return appSyncPath(header.substring(0, header.length() / 2));
    }

    private static String init(String protocol, String token) {
        return protocol.equals("appsync")
                ? "{\"type\":\"connection_init\"}"
                : "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + token + "\"}}";
    }

    /** A query, answered at once with the probe's id, or refused with it, once the frames before are read. */
    private String probe(String protocol) {
        String query = "{\"query\":\"{ me { id } }\"}";
        return switch (protocol) {
            case "graphql-transport-ws" ->
                "{\"id\":\"" + PROBE_ID + "\",\"type\":\"subscribe\",\"payload\":" + query + "}";
            case "graphql-ws" -> "{\"id\":\"" + PROBE_ID + "\",\"type\":\"start\",\"payload\":" + query + "}";
            default ->
                "{\"id\":\"" + PROBE_ID + "\",\"type\":\"start\",\"payload\":{\"data\":" + Hostile.quote(query)
                        + ",\"extensions\":{\"authorization\":{\"Authorization\":\"" + alice.accessToken() + "\"}}}}";
        };
    }

    /** A frame of one of the protocol's message types, hostile in its type, id or payload, or not JSON. */
    private String frame(String protocol, Hostile hostile) {
        String type = hostile.pick(MESSAGE_TYPES.get(protocol));
        String frame = Hostile.object(
                List.of("type", "id", "payload"),
                List.of(
                        hostile.chance(85) ? Hostile.quote(type) : hostile.json(),
                        hostile.chance(70) ? Hostile.quote("s" + hostile.between(1, 3)) : hostile.json(),
                        hostile.chance(60) ? payload(protocol, type, hostile) : hostile.json()));
        return switch (hostile.between(0, 9)) {
            case 0 -> new String(hostile.broken(frame), StandardCharsets.UTF_8);
            case 1 -> hostile.json();
            default -> frame;
        };
    }

    private String payload(String protocol, String type, Hostile hostile) {
        if (type.equals("connection_init")) {
            return Hostile.object(
                    List.of("Authorization"), List.of(Hostile.quote(hostile.authorization(alice.accessToken()))));
        }
        HostileRequests requests = new HostileRequests(hostile, List.of(conversationId, alice.userId(), "no-such-id"));
        String request = requests.body(hostile.pick(OPERATIONS));
        if (!protocol.equals("appsync")) {
            return request;
        }
        String authorization = Hostile.object(
                List.of("Authorization"), List.of(Hostile.quote(hostile.authorization(alice.accessToken()))));
        return Hostile.object(
                List.of("data", "extensions"),
                List.of(Hostile.quote(request), Hostile.object(List.of("authorization"), List.of(authorization))));
    }
}

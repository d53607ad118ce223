package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.chatql.auth.ConnectionAuthentication;
import io.chatql.live.LiveEvents;
import io.chatql.presence.PresenceConnections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one connection answers frames it cannot serve, before any operation runs: the close codes of
 * graphql-transport-ws for bad and untimely messages, a refusal the client gets to read, and the
 * disconnection of a client that reads nothing. The client is a {@link FakeWebSocketSession}; what
 * the server writes is read from an embedded channel, whose event loop runs when a test says so.
 */
class RealtimeConnectionTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String INIT = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer t\"}}";

    private final JsonMapper json = JsonMapper.builder().build();

    private final EmbeddedChannel channel = new EmbeddedChannel();

    private final ConnectionAuthentication authentication = mock(ConnectionAuthentication.class);

    private final RealtimeMeters meters = new RealtimeMeters(new SimpleMeterRegistry());

    RealtimeConnectionTests() {
        channel.pipeline().addLast(NettyPipeline.ReactiveBridge, new ChannelInboundHandlerAdapter());
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFrameThatIsNotJsonClosesTheConnectionWith4400() {
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> session.clientSends("connection_init"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(new CloseStatus(4400, "Message is not a JSON object"));
        assertThat(meters.openConnections()).isZero();
    }

    @Test
    void anUnknownMessageTypeClosesTheConnectionWith4400NamingTheType() {
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> session.clientSends("{\"type\":\"start\",\"id\":\"1\"}"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(new CloseStatus(4400, "Unknown message type start"));
    }

    @Test
    void aCloseReasonQuotingTheClientIsCutToFitInACloseFrame() {
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);
        String type = "é".repeat(10_000);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> session.clientSends("{\"type\":\"" + type + "\",\"id\":\"1\"}"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status().getCode()).isEqualTo(4400);
        assertThat(session.status().getReason())
                .startsWith("Unknown message type éé")
                .endsWith("é…")
                .satisfies(reason -> assertThat(reason.getBytes(StandardCharsets.UTF_8))
                        .hasSizeBetween(CloseCodes.MAX_REASON_BYTES - 1, CloseCodes.MAX_REASON_BYTES));
    }

    @Test
    void aSubscribeBeforeConnectionInitClosesTheConnectionWith4401() {
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> session.clientSends(
                        "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { x }\"}}"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(CloseCodes.UNAUTHORIZED);
        verify(authentication, never()).authenticate(any());
    }

    @Test
    void aSecondConnectionInitClosesTheConnectionWith4429() {
        givenTheCredentialsProve("alice");
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> {
                    session.clientSends(INIT);
                    channel.runPendingTasks();
                    assertThat(written()).containsExactly("{\"type\":\"connection_ack\"}");
                    session.clientSends(INIT);
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(CloseCodes.TOO_MANY_INIT_REQUESTS);
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        givenTheCredentialsProve("alice");
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> {
                    session.clientSends(INIT);
                    session.clientSends("{\"type\":\"ping\"}");
                    channel.runPendingTasks();
                    assertThat(written()).containsExactly("{\"type\":\"connection_ack\"}", "{\"type\":\"pong\"}");
                    session.close(CloseStatus.NORMAL);
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void refusedCredentialsAreToldTheClientBeforeTheConnectionIsClosedWith4401() {
        given(authentication.authenticate(any())).willReturn(Mono.error(new BadCredentialsException("Invalid token")));
        FakeWebSocketSession session = new FakeWebSocketSession(LegacyWsProtocol.NAME);

        StepVerifier.create(connection(session, new LegacyWsProtocol(json)).serve())
                .then(() -> {
                    session.clientSends(INIT);
                    assertThat(session.isOpen())
                            .as("open until the refusal is written")
                            .isTrue();
                    channel.runPendingTasks();
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(written())
                .containsExactly("{\"type\":\"connection_error\",\"payload\":{\"message\":\"Invalid token\"}}");
        assertThat(session.status()).isEqualTo(CloseCodes.UNAUTHORIZED);
    }

    @Test
    void connectionTerminateClosesTheConnectionNormally() {
        FakeWebSocketSession session = new FakeWebSocketSession(LegacyWsProtocol.NAME);

        StepVerifier.create(connection(session, new LegacyWsProtocol(json)).serve())
                .then(() -> session.clientSends("{\"type\":\"connection_terminate\"}"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void anAppSyncStartWithoutPayloadDataClosesTheConnectionWith4400() {
        FakeWebSocketSession session = new FakeWebSocketSession(AppSyncProtocol.NAME);

        StepVerifier.create(connection(session, new AppSyncProtocol(json)).serve())
                .then(() -> session.clientSends("{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{}}"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(new CloseStatus(4400, "start has no payload.data string"));
    }

    @Test
    void aClientThatReadsNothingIsClosedWith4508OnceItsQueueIsFullAndWhatWaitedIsDropped() {
        givenTheCredentialsProve("alice");
        FakeWebSocketSession session = new FakeWebSocketSession(TransportWsProtocol.NAME);
        List<Integer> pingsSent = new ArrayList<>();

        StepVerifier.create(connection(session, new TransportWsProtocol(json)).serve())
                .then(() -> {
                    session.clientSends(INIT);
                    channel.runPendingTasks();
                    written();
                    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
                    for (int ping = 1; ping <= 100 && session.isOpen(); ping++) {
                        session.clientSends("{\"type\":\"ping\"}");
                        pingsSent.add(ping);
                    }
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.status()).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(pingsSent)
                .as("four pongs of 15 characters fit in 64, the fifth does not")
                .hasSize(5);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertThat(written()).isEmpty();
    }

    private void givenTheCredentialsProve(String user) {
        given(authentication.authenticate(any())).willReturn(Mono.just(new TestingAuthenticationToken(user, null)));
    }

    /**
     * A connection served with settings of their defaults but a queue of 64 characters and timers that
     * do not fire during a test. Its operations and subscriptions are never reached by the frames
     * these tests send.
     */
    private RealtimeConnection connection(FakeWebSocketSession session, Protocol protocol) {
        RealtimeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "chatql.realtime.outbound-buffer", "64B",
                        "chatql.realtime.keep-alive", "1h",
                        "chatql.realtime.connection-init-timeout", "1h")))
                .bindOrCreate("chatql.realtime", RealtimeProperties.class);
        RealtimeConnection.Services services = new RealtimeConnection.Services(
                properties,
                new ConnectionRegistry(mock(LiveEvents.class), mock(PresenceConnections.class)),
                null,
                null,
                authentication,
                meters);
        return new RealtimeConnection(session, channel, protocol, Map.of(), services);
    }

    /** The text frames written to the client since last asked. */
    private List<String> written() {
        return WrittenFrames.of(channel);
    }
}

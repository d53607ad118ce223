package io.chatql.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/** Drives one ChatQL server through its HTTP and WebSocket endpoints, as a client would. */
public class ChatClient {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The format of JavaScript's {@code Date.toISOString()}, which the original client uses in ids. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final int port;

    private final boolean tls;

    /** A client of a server on {@code port} of the loopback address, over plain HTTP. */
    public ChatClient(int port) {
        this(port, false);
    }

    /** A client over HTTPS when {@code tls}, trusting the server's certificate whatever it is. */
    public ChatClient(int port, boolean tls) {
        this.port = port;
        this.tls = tls;
    }

    /** The server's base URL, such as {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public WebTestClient http() {
        WebTestClient.Builder builder = tls
                ? WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()
                        .secure(spec -> spec.sslContext(Http11SslContextSpec.forClient()
                                .configure(ssl -> ssl.trustManager(InsecureTrustManagerFactory.INSTANCE))))))
                : WebTestClient.bindToServer();
        return builder.baseUrl(baseUrl()).responseTimeout(TIMEOUT).build();
    }

    /** A username no other test uses, starting with {@code prefix}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** Signs up and signs in a new user whose name starts with {@code prefix}. */
    public Account signUp(String prefix) {
        String username = uniqueName(prefix);
        String password = "password-" + username;
        Map<?, ?> signedUp = http().post()
                .uri("/auth/sign-up")
                .bodyValue(Map.of("username", username, "email", username + "@example.com", "password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> tokens = signIn(username, password);
        return new Account((String) signedUp.get("userId"), username, (String) tokens.get("accessToken"), (String)
                tokens.get("refreshToken"));
    }

    /**
     * Signs in {@code username}, first signing it up unless it exists: for the one account of a test
     * database with a fixed name, such as the configured administrator.
     */
    public Account signUpOnce(String username) {
        String password = "password-" + username;
        http().post()
                .uri("/auth/sign-up")
                .bodyValue(Map.of("username", username, "email", username + "@example.com", "password", password))
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(201, 409));
        Map<?, ?> tokens = signIn(username, password);
        String accessToken = (String) tokens.get("accessToken");
        return new Account(subjectOf(accessToken), username, accessToken, (String) tokens.get("refreshToken"));
    }

    private Map<?, ?> signIn(String username, String password) {
        return http().post()
                .uri("/auth/sign-in")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static String subjectOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject();
        } catch (ParseException ex) {
            throw new AssertionError("Not a JWT: " + accessToken, ex);
        }
    }

    /** GraphQL over HTTP as {@code account}, with {@code Authorization: Bearer <jwt>}. */
    public HttpGraphQlTester graphQl(Account account) {
        return HttpGraphQlTester.create(http().mutate()
                .baseUrl(baseUrl() + "/graphql")
                .defaultHeader("Authorization", "Bearer " + account.accessToken())
                .build());
    }

    /** GraphQL over graphql-transport-ws as {@code account}, its token in {@code connection_init}. */
    public WebSocketGraphQlTester webSocket(Account account) {
        return webSocket(Map.of("Authorization", account.accessToken()));
    }

    /** GraphQL over graphql-transport-ws, with {@code credentials} as the {@code connection_init} payload. */
    public WebSocketGraphQlTester webSocket(Map<String, Object> credentials) {
        return WebSocketGraphQlTester.builder(webSocketUri(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(credentials);
                    }
                })
                .build();
    }

    public URI webSocketUri() {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + port + "/graphql");
    }

    /** Registers {@code account} with {@code createUser}, as the original client does after sign-in. */
    public void register(Account account) {
        graphQl(account)
                .documentName("createUser")
                .variable("username", account.username())
                .execute()
                .path("createUser.registered")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    /** Disables the account {@code userId} as the administrator {@code admin}, with {@code disableUser}. */
    public void disableUser(Account admin, String userId) {
        graphQl(admin)
                .documentName("disableUser")
                .variable("userId", userId)
                .execute()
                .path("disableUser.id")
                .entity(String.class)
                .isEqualTo(userId);
    }

    /** Enables the account {@code userId} again as the administrator {@code admin}, with {@code enableUser}. */
    public void enableUser(Account admin, String userId) {
        graphQl(admin)
                .documentName("enableUser")
                .variable("userId", userId)
                .execute()
                .path("enableUser.id")
                .entity(String.class)
                .isEqualTo(userId);
    }

    /**
     * Starts a conversation as the original client does: {@code creator} creates it, links each other
     * member, then links itself. Returns its id.
     */
    public String startConversation(Account creator, Account... others) {
        String id = UUID.randomUUID().toString();
        graphQl(creator)
                .documentName("createConversation")
                .variable("id", id)
                .variable("name", "with " + others.length + " others")
                .variable("createdAt", String.valueOf(System.currentTimeMillis()))
                .execute()
                .path("createConversation.id")
                .entity(String.class)
                .isEqualTo(id);
        for (Account member : others) {
            link(creator, id, member.userId());
        }
        link(creator, id, creator.userId());
        return id;
    }

    private void link(Account caller, String conversationId, String userId) {
        graphQl(caller)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", userId)
                .execute()
                .path("createUserConversations.userId")
                .entity(String.class)
                .isEqualTo(userId);
    }

    /** Posts a message with an id made as the original client makes it, and returns that id. */
    public String send(Account sender, String conversationId, String content) {
        String id = ISO_MILLIS.format(Instant.now()) + "_" + UUID.randomUUID();
        graphQl(sender)
                .documentName("createMessage")
                .variable("id", id)
                .variable("conversationId", conversationId)
                .variable("content", content)
                .variable("createdAt", id)
                .execute()
                .path("createMessage.isSent")
                .entity(Boolean.class)
                .isEqualTo(true);
        return id;
    }

    /** Replaces the content of message {@code id} as {@code caller}, with {@code editMessage}. */
    public GraphQlTester.Response editMessage(Account caller, String conversationId, String id, String content) {
        return graphQl(caller)
                .documentName("editMessage")
                .variable("conversationId", conversationId)
                .variable("id", id)
                .variable("content", content)
                .execute();
    }

    /** Deletes message {@code id} as {@code caller}, with {@code deleteMessage}. */
    public GraphQlTester.Response deleteMessage(Account caller, String conversationId, String id) {
        return graphQl(caller)
                .documentName("deleteMessage")
                .variable("conversationId", conversationId)
                .variable("id", id)
                .execute();
    }

    /**
     * Adds or takes back {@code member}'s {@code emoji} on a message with {@code mutation}, either
     * {@code addReaction} or {@code removeReaction}.
     */
    public GraphQlTester.Response react(
            String mutation, Account member, String conversationId, String messageId, String emoji) {
        return graphQl(member)
                .documentName(mutation)
                .variable("conversationId", conversationId)
                .variable("messageId", messageId)
                .variable("emoji", emoji)
                .execute();
    }

    /**
     * Subscribes {@code account} to the new messages of a conversation over Server-Sent Events
     * (graphql-sse), selecting their ids, and returns the events as the server sends them.
     */
    public Flux<ServerSentEvent<Map<String, Object>>> newMessagesOverServerSentEvents(
            Account account, String conversationId) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + account.accessToken())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "subscription($id: ID!) { subscribeToNewMessage(conversationId: $id) { id } }",
                        "variables",
                        Map.of("id", conversationId)))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
    }

    /** Opens a graphql-transport-ws connection as {@code account}, once the server has accepted it. */
    public RawWebSocket connect(Account account) throws InterruptedException {
        RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws");
        socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + account.accessToken() + "\"}}");
        socket.awaitContaining("connection_ack");
        return socket;
    }

    /**
     * Opens a raw graphql-transport-ws connection, sends {@code messages} in order, and returns what
     * the server sent back until it closed the connection, with the close status.
     */
    public RawSession rawWebSocket(String... messages) {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        new ReactorNettyWebSocketClient()
                .execute(webSocketUri(), new WebSocketHandler() {
                    @Override
                    public List<String> getSubProtocols() {
                        return List.of("graphql-transport-ws");
                    }

                    @Override
                    public Mono<Void> handle(WebSocketSession session) {
                        Mono<Void> receive = session.receive()
                                .map(WebSocketMessage::getPayloadAsText)
                                .doOnNext(received::add)
                                .then();
                        Mono<Void> send = session.send(Flux.fromArray(messages)
                                .delayElements(Duration.ofMillis(50))
                                .map(session::textMessage));
                        return Mono.when(send, receive)
                                .then(session.closeStatus())
                                .doOnNext(closed::set)
                                .then();
                    }
                })
                .block(TIMEOUT);
        return new RawSession(received, closed.get());
    }

    /** What a raw WebSocket connection received, and how the server closed it. */
    public record RawSession(List<String> received, CloseStatus closeStatus) {}
}

package io.chatql.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP side of a running ChatQL server: accounts, conversations and messages. */
final class ChatServer {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String CREATE_MESSAGE = "mutation($id: ID!, $c: ID!, $content: String, $at: String!) "
            + "{ createMessage(id: $id, conversationId: $c, content: $content, createdAt: $at) { id } }";

    private static final Pattern PROCESS_CPU = Pattern.compile("^process_cpu_time_ns_total (\\S+)$", Pattern.MULTILINE);

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final GraphQlHttp graphQlHttp;

    ChatServer(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.graphQlHttp = new GraphQlHttp(URI.create(this.baseUrl + "/graphql"));
    }

    URI webSocketUri() {
        return URI.create(baseUrl.replaceFirst("^http", "ws") + "/graphql");
    }

    /** Signs up a new user and signs it in. */
    User signUp(String username) {
        String password = "load-test-" + username;
        JsonNode signedUp = post(
                "/auth/sign-up",
                Map.of("username", username, "email", username + "@example.com", "password", password));
        JsonNode tokens = post("/auth/sign-in", Map.of("username", username, "password", password));
        return new User(
                signedUp.get("userId").asString(), tokens.get("accessToken").asString());
    }

    /**
     * Signs up and signs in a user of each name, {@code inFlight} at a time, so that the tool's side of
     * each sign-up overlaps the server's hashing of another; in the order of the names.
     */
    List<User> signUpAll(List<String> usernames, int inFlight) throws Exception {
        ExecutorService signingUp = Executors.newFixedThreadPool(inFlight);
        try {
            List<Future<User>> signedUp = new ArrayList<>();
            for (String username : usernames) {
                signedUp.add(signingUp.submit(() -> signUp(username)));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> user : signedUp) {
                users.add(user.get());
            }
            return users;
        } finally {
            signingUp.shutdownNow();
        }
    }

    /** Creates a conversation whose members are {@code members}, the first creating it. */
    void startConversation(String id, User... members) {
        graphQl(
                        members[0],
                        "mutation($id: ID!) { createConversation(id: $id, name: \"load test\") { id } }",
                        Map.of("id", id))
                .join();
        for (int i = 1; i < members.length; i++) {
            graphQl(
                            members[0],
                            "mutation($c: ID!, $u: ID!) { createUserConversations(conversationId: $c, userId: $u) { userId } }",
                            Map.of("c", id, "u", members[i].id()))
                    .join();
        }
    }

    /** The variables of {@link #CREATE_MESSAGE}: a content that tells its sequence number and when it was sent. */
    static Map<String, String> newMessage(String conversationId, String messageId, int seq) {
        return Map.of(
                "id",
                messageId,
                "c",
                conversationId,
                "content",
                seq + ":" + System.nanoTime(),
                "at",
                Instant.now().toString());
    }

    /** Posts a message over HTTP, as {@link #newMessage} describes it. */
    CompletableFuture<JsonNode> send(User sender, String conversationId, String messageId, int seq) {
        return graphQl(sender, CREATE_MESSAGE, newMessage(conversationId, messageId, seq));
    }

    CompletableFuture<JsonNode> graphQl(User user, String query, Map<String, ?> variables) {
        return graphQlHttp
                .post(user.token(), JSON.writeValueAsString(Map.of("query", query, "variables", variables)))
                .orTimeout(30, TimeUnit.SECONDS)
                .thenApply(answer -> {
                    JsonNode body = JSON.readTree(answer.body());
                    if (answer.status() != 200 || body.has("errors")) {
                        throw new IllegalStateException(
                                "GraphQL request failed: " + answer.status() + " " + answer.body());
                    }
                    return body.get("data");
                });
    }

    private JsonNode post(String path, Map<String, String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException ex) {
            throw new IllegalStateException(path + " failed: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path + " interrupted", ex);
        }
    }

    /**
     * The CPU time the server's process has used, in nanoseconds, from its Prometheus endpoint
     * ({@code process_cpu_time_ns_total}); empty when the endpoint cannot be read, as when the
     * management port is another.
     */
    OptionalLong cpuNanos() {
        String metrics = prometheus();
        Matcher cpu = PROCESS_CPU.matcher(metrics == null ? "" : metrics);
        return cpu.find() ? OptionalLong.of((long) Double.parseDouble(cpu.group(1))) : OptionalLong.empty();
    }

    /**
     * The value of one series of the server's Prometheus endpoint, such as {@code
     * chatql_database_statements_total{kind="write"}}; empty when it cannot be read or has no such
     * series.
     */
    OptionalDouble meter(String series) {
        String metrics = prometheus();
        if (metrics == null) {
            return OptionalDouble.empty();
        }
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(series + " ")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(series.length() + 1)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The text of the server's Prometheus endpoint; null when it cannot be read. */
    private String prometheus() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A signed-in user. */
    record User(String id, String token) {}
}

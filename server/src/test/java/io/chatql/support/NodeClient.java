package io.chatql.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the JavaScript client scripts in {@code src/test/clients}, each a real client library of
 * one real-time protocol, and collects what it printed. The Maven build installs their packages.
 */
public final class NodeClient {

    private static final Path SCRIPTS = Path.of("src/test/clients");

    private final Process process;

    private final CompletableFuture<String> output;

    private NodeClient(Process process) {
        this.process = process;
        this.output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /**
     * Starts {@code script} to follow the conversation until it has received {@code count} messages.
     *
     * @param client where the server is and who the script signs in as
     */
    public static NodeClient follow(
            String script, ChatClient client, Account account, String conversationId, int count) {
        return start(script, client, account, conversationId, count, Map.of());
    }

    /**
     * Runs the client script {@code script} (a file of {@code server/src/test/clients}, without its
     * extension) to follow the timeline of the conversation after {@code position} until it has
     * received {@code count} events; {@link #receivedMessageIds} are then their positions.
     */
    public static NodeClient followEvents(
            String script, ChatClient client, Account account, String conversationId, String position, int count) {
        return start(
                script,
                client,
                account,
                conversationId,
                count,
                Map.of("CHATQL_FOLLOW", "events", "CHATQL_AFTER", position));
    }

    private static NodeClient start(
            String script,
            ChatClient client,
            Account account,
            String conversationId,
            int count,
            Map<String, String> following) {
        ProcessBuilder builder = new ProcessBuilder("node", script + ".mjs")
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("CHATQL_HTTP_URL", client.baseUrl());
        environment.put("CHATQL_WS_URL", client.webSocketUri().toString());
        environment.put("CHATQL_TOKEN", account.accessToken());
        environment.put("CHATQL_CONVERSATION", conversationId);
        environment.put("CHATQL_COUNT", String.valueOf(count));
        environment.put("NODE_TLS_REJECT_UNAUTHORIZED", "0");
        environment.putAll(following);
        try {
            return new NodeClient(builder.start());
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not run node: install Node.js 20 or later", ex);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The ids the script printed as received messages, once it has exited; fails if it failed. */
    public List<String> receivedMessageIds() throws Exception {
        if (!process.waitFor(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The client did not finish: " + output());
        }
        String printed = output();
        if (process.exitValue() != 0) {
            throw new AssertionError("The client failed: " + printed);
        }
        return printed.lines()
                .filter(line -> line.startsWith("MESSAGE "))
                .map(line -> line.substring("MESSAGE ".length()))
                .toList();
    }

    /** Everything the script printed so far, once it has exited. */
    public String output() throws Exception {
        return output.get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    public void stop() {
        process.destroyForcibly();
    }
}

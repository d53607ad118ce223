package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Readers who follow their unread counts while a scenario runs, each a member of every K-th of its
 * conversations: the cost of unread counts kept live, added to the scenario's own.
 */
final class UnreadReaders implements AutoCloseable {

    private static final String CHANGES = "subscription { subscribeToUnreadChanges { conversationId } }";

    private final List<GraphQlSocket> devices;

    private final AtomicLongArray heard;

    private UnreadReaders(List<GraphQlSocket> devices, AtomicLongArray heard) {
        this.devices = devices;
        this.heard = heard;
    }

    /**
     * Signs up {@code count} readers, adds reader {@code r % count} to conversation {@code r} as {@code
     * member} does, and follows each reader's counts on a connection of its own.
     */
    static UnreadReaders follow(
            ChatServer server, String runId, ChatServer.User member, List<String> conversations, int count) {
        AtomicLongArray heard = new AtomicLongArray(count);
        List<ChatServer.User> readers = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            readers.add(server.signUp(runId + "-reader-" + r));
        }
        for (int c = 0; c < conversations.size(); c++) {
            server.graphQl(
                            member,
                            "mutation($c: ID!, $u: ID!) { createUserConversations(conversationId: $c, userId: $u) { userId } }",
                            Map.of(
                                    "c",
                                    conversations.get(c),
                                    "u",
                                    readers.get(c % count).id()))
                    .join();
        }
        List<GraphQlSocket> devices = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int reader = r;
            GraphQlSocket device = GraphQlSocket.observing(
                    server.webSocketUri(),
                    readers.get(r),
                    CHANGES,
                    (subscriber, data) -> heard.incrementAndGet(reader));
            device.subscribe("", 0);
            devices.add(device);
        }
        return new UnreadReaders(devices, heard);
    }

    /** Whether every reader heard of a change of its counts, waiting at most {@code seconds}. */
    boolean allHeard(int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            boolean all = true;
            for (int r = 0; r < heard.length() && all; r++) {
                all = heard.get(r) > 0;
            }
            if (all) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    /**
     * How many changes the readers heard of in all, once no more came for {@code quietMillis} (waiting
     * {@code seconds} at most): so that the changes of messages posted before are not counted after.
     */
    long settledChanges(int quietMillis, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long heardSoFar = changes();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(quietMillis)
                && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(20);
            if (changes() != heardSoFar) {
                heardSoFar = changes();
                quietSince = System.nanoTime();
            }
        }
        return heardSoFar;
    }

    /** How many changes of counts the readers heard of in all. */
    long changes() {
        long total = 0;
        for (int r = 0; r < heard.length(); r++) {
            total += heard.get(r);
        }
        return total;
    }

    @Override
    public void close() {
        devices.forEach(GraphQlSocket::close);
    }
}

package io.chatql.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Redis server on a free loopback port, from the machine's {@code redis-server} (Debian's
 * redis-server package). It can be stopped and started again on the same port, as a Redis restart.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;

    private Process process;

    private TestRedis(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static TestRedis start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            TestRedis redis = new TestRedis(socket.getLocalPort());
            socket.close();
            redis.restart();
            return redis;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on its port, after {@link #stop()}. */
    public void restart() {
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException ex) {
            throw new IllegalStateException("Could not run redis-server: install Debian's redis-server package", ex);
        }
        awaitListening();
    }

    /** Stops the server at once, as a crash would. */
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port);
    }
}

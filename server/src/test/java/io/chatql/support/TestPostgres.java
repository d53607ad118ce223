package io.chatql.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests, started once per JVM from the machine's PostgreSQL
 * binaries on a free loopback port, or the one named by {@code CHATQL_TEST_POSTGRES_URL} (with
 * {@code CHATQL_TEST_POSTGRES_USER} and {@code CHATQL_TEST_POSTGRES_PASSWORD}). PostgreSQL refuses to
 * run as root, so as root the server runs as the {@code postgres} user.
 */
public final class TestPostgres {

    private static final String DATABASE_OWNER = "chatql";

    private static Server server;

    private TestPostgres() {}

    /** The running server, started on first use. */
    public static synchronized Server server() {
        if (server == null) {
            String url = System.getenv("CHATQL_TEST_POSTGRES_URL");
            server = url != null
                    ? new Server(
                            url,
                            System.getenv().getOrDefault("CHATQL_TEST_POSTGRES_USER", "postgres"),
                            System.getenv().getOrDefault("CHATQL_TEST_POSTGRES_PASSWORD", ""))
                    : start();
        }
        return server;
    }

    private static Server start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("chatql-postgres");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(dir, List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            int port = freePort();
            run(
                    dir,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            DATABASE_OWNER,
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-sync"),
                    root);
            run(
                    dir,
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-l",
                            dir.resolve("postgres.log").toString(),
                            "-w",
                            "-o",
                            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off",
                            "start"),
                    root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, dir, data, root)));
            String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
            try (var connection = DriverManager.getConnection(base + "postgres", DATABASE_OWNER, "")) {
                connection.createStatement().execute("create database chatql");
            }
            return new Server(base + "chatql", DATABASE_OWNER, "");
        } catch (IOException | SQLException ex) {
            throw new IllegalStateException("Could not start a test PostgreSQL server", ex);
        }
    }

    private static void stop(Path bin, Path dir, Path data, boolean root) {
        try {
            run(dir, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException | RuntimeException ex) {
            System.err.println("Could not stop the test PostgreSQL server in " + dir + ": " + ex.getMessage());
        }
    }

    /** The newest PostgreSQL's binaries under /usr/lib/postgresql, or those named by PG_BIN. */
    private static Path binaries() throws IOException {
        String named = System.getenv("PG_BIN");
        if (named != null) {
            return Path.of(named);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            throw new IllegalStateException("PostgreSQL is not installed: install Debian's postgresql package,"
                    + " or set CHATQL_TEST_POSTGRES_URL or PG_BIN");
        }
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(version ->
                            Integer.parseInt(version.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("No initdb under " + installed));
        }
    }

    private static void run(Path dir, List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("Failed: " + String.join(" ", full) + "\n" + output + logOf(dir));
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", full), ex);
        }
    }

    private static String logOf(Path dir) throws IOException {
        Path log = dir.resolve("postgres.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Where the tests find the server. */
    public record Server(String url, String username, String password) {}
}

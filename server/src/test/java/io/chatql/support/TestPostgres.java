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

    /**
     * A server of the caller's own, started on a free port, that it may stop and start again on the
     * same port and data directory: to see what the application does while the database is down.
     */
    public static Dedicated dedicated() {
        Dedicated dedicated = new Dedicated(LocalServer.create());
        dedicated.start();
        return dedicated;
    }

    private static Server start() {
        LocalServer local = LocalServer.create();
        local.start();
        return local.server;
    }

    /** A server started from the machine's binaries, its data in a temporary directory deleted at exit. */
    private static final class LocalServer {

        private final Path bin;

        private final Path dir;

        private final Path data;

        private final boolean root;

        private final int port;

        private final Server server;

        private LocalServer(Path bin, Path dir, boolean root, int port) {
            this.bin = bin;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.root = root;
            this.port = port;
            this.server = new Server("jdbc:postgresql://127.0.0.1:" + port + "/chatql", DATABASE_OWNER, "");
        }

        /** Initializes the data directory and creates the database, on its first start. */
        static LocalServer create() {
            try {
                Path dir = Files.createTempDirectory("chatql-postgres");
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    run(dir, List.of("chown", "postgres:postgres", dir.toString()), false);
                }
                LocalServer local = new LocalServer(binaries(), dir, root, freePort());
                run(
                        dir,
                        List.of(
                                local.bin.resolve("initdb").toString(),
                                "-D",
                                local.data.toString(),
                                "-U",
                                DATABASE_OWNER,
                                "--auth=trust",
                                "--encoding=UTF8",
                                "--no-sync"),
                        root);
                Runtime.getRuntime().addShutdownHook(new Thread(local::delete));
                return local;
            } catch (IOException ex) {
                throw new IllegalStateException("Could not set up a test PostgreSQL server", ex);
            }
        }

        /** Starts the server and waits until it accepts connections; creates the database the first time. */
        void start() {
            try {
                pgCtl(List.of(
                        "-l",
                        dir.resolve("postgres.log").toString(),
                        "-w",
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off"
                                // The contexts the suite keeps cached hold a pool of 10 each.
                                + " -c max_connections=400",
                        "start"));
                String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
                try (var connection = DriverManager.getConnection(base + "postgres", DATABASE_OWNER, "")) {
                    var exists = connection
                            .createStatement()
                            .executeQuery("select 1 from pg_database where datname = 'chatql'");
                    if (!exists.next()) {
                        connection.createStatement().execute("create database chatql");
                    }
                }
            } catch (IOException | SQLException ex) {
                throw new IllegalStateException("Could not start a test PostgreSQL server", ex);
            }
        }

        /** Stops the server in {@code mode}, {@code fast} or {@code immediate}, and waits until it is down. */
        void stop(String mode) {
            try {
                pgCtl(List.of("-m", mode, "-w", "stop"));
            } catch (IOException ex) {
                throw new IllegalStateException("Could not stop the test PostgreSQL server", ex);
            }
        }

        private void delete() {
            try {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    stop("immediate");
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            } catch (IOException | RuntimeException ex) {
                System.err.println("Could not stop the test PostgreSQL server in " + dir + ": " + ex.getMessage());
            }
        }

        private void pgCtl(List<String> arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
            command.addAll(arguments);
            run(dir, command, root);
        }
    }

    /** A server of one test class's own, which it stops and starts again; deleted at exit. */
    public static final class Dedicated {

        private final LocalServer local;

        private Dedicated(LocalServer local) {
            this.local = local;
        }

        public Server server() {
            return local.server;
        }

        /** Starts the stopped server on the same port and data, and waits until it accepts connections. */
        public void start() {
            local.start();
        }

        /**
         * Stops the server as a restart does: the sessions open to it are ended, and new connections
         * are refused until {@link #start}.
         */
        public void stop() {
            local.stop("fast");
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

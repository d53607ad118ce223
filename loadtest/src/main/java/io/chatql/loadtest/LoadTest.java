package io.chatql.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line: {@code java -jar chatql-loadtest.jar <fanout|rooms|mixed|idle|history|startup|unread|presence|typing|search> [--url URL]
 * [--json FILE] [--baseline FILE] [--check] [--max-seconds N] [scenario options]}. Prints a table and
 * the JSON, with each result compared to the same result of the {@code --json} file of an earlier run
 * given as {@code --baseline}; with {@code --check}, exits with 1 when a target was missed.
 */
public final class LoadTest {

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(
                    "usage: <fanout|rooms|mixed|idle|history|startup|unread|presence|typing|search> [--url http://127.0.0.1:8080] [--json FILE] [--baseline FILE]"
                            + " [--check] [--max-seconds 120] [scenario options]");
            System.exit(2);
            return;
        }
        Report report = new Scenarios(options).run();
        if (options.values().containsKey("baseline")) {
            report.comparedWith(ChatServer.JSON.readTree(Files.readString(Path.of(options.text("baseline", "")))));
        }
        System.out.println(report.table());
        String json = report.json();
        System.out.println(json);
        if (options.values().containsKey("json")) {
            Files.writeString(Path.of(options.text("json", "")), json);
        }
        System.exit(options.flag("check") && !report.passed() ? 1 : 0);
    }
}

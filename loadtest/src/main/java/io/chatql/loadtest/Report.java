package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/** The results of a scenario, and its targets checked against them, as a table and as JSON. */
final class Report {

    private final String title;

    private final Map<String, Object> results = new LinkedHashMap<>();

    private final List<Check> checks = new ArrayList<>();

    private final Map<String, Comparison> comparisons = new LinkedHashMap<>();

    Report(String title) {
        this.title = title;
    }

    Report put(String name, Object value) {
        // NaN, a value that could not be measured, is told as null
        results.put(
                name,
                value instanceof Double number ? (number.isNaN() ? null : Math.round(number * 100) / 100.0) : value);
        return this;
    }

    /** Checks a target: passed when {@code actual} is at least {@code minimum}. */
    Report atLeast(String target, double actual, double minimum) {
        checks.add(new Check(target, actual >= minimum));
        return this;
    }

    /** Checks a target: passed when {@code actual} is at most {@code maximum}. */
    Report atMost(String target, double actual, double maximum) {
        checks.add(new Check(target, actual <= maximum));
        return this;
    }

    /** Adds what every delivery scenario reports: latencies, losses and duplicates. */
    Report deliveries(Deliveries deliveries, long expected) {
        Samples latencies = deliveries.latencies();
        put("deliveries", deliveries.total());
        put("latencyP50Ms", latencies.percentileMillis(50));
        put("latencyP99Ms", latencies.percentileMillis(99));
        put("latencyMaxMs", latencies.maxMillis());
        put("lost", expected - deliveries.unique());
        put("duplicated", deliveries.duplicates());
        atMost("no lost delivery", expected - deliveries.unique(), 0);
        atMost("no duplicated delivery", deliveries.duplicates(), 0);
        return this;
    }

    /**
     * Adds the server's CPU time per message, from its CPU time before and after the measured
     * messages, when both could be read.
     */
    Report serverCpu(OptionalLong before, OptionalLong after, int messages) {
        if (before.isPresent() && after.isPresent() && messages > 0) {
            put("serverCpuMsPerMessage", (after.getAsLong() - before.getAsLong()) / 1e6 / messages);
        }
        return this;
    }

    /**
     * Compares each numeric result with the same result of {@code baseline}, the JSON of an earlier
     * run: the baseline's value and the ratio of this run's to it.
     */
    Report comparedWith(JsonNode baseline) {
        JsonNode earlier = baseline.path("results");
        results.forEach((name, value) -> {
            JsonNode then = earlier.path(name);
            if (value instanceof Number now && then.isNumber() && then.asDouble() != 0) {
                comparisons.put(name, new Comparison(then.asDouble(), now.doubleValue() / then.asDouble()));
            }
        });
        return this;
    }

    /** A result by name, or null when the scenario did not report it. */
    Object result(String name) {
        return results.get(name);
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    String table() {
        StringBuilder table = new StringBuilder(title).append('\n');
        int width = results.keySet().stream().mapToInt(String::length).max().orElse(10);
        results.forEach((name, value) -> table.append(String.format("  %-" + width + "s  %s%n", name, value)));
        checks.forEach(
                check -> table.append(String.format("  %-4s %s%n", check.passed() ? "PASS" : "FAIL", check.target())));
        if (!comparisons.isEmpty()) {
            table.append("  against the baseline:\n");
            comparisons.forEach((name, comparison) -> table.append(String.format(
                    "  %-" + width + "s  %s then, x%.2f now%n", name, comparison.baseline(), comparison.ratio())));
        }
        return table.toString();
    }

    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", title);
        document.put("results", results);
        document.put("checks", checks);
        document.put("passed", passed());
        if (!comparisons.isEmpty()) {
            document.put("baseline", comparisons);
        }
        return ChatServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** Comparison results by name; absent when the run had no baseline. */
    Comparison comparison(String name) {
        return comparisons.get(name);
    }

    record Check(String target, boolean passed) {}

    /** A result of the baseline, and this run's as a multiple of it. */
    record Comparison(double baseline, double ratio) {}
}

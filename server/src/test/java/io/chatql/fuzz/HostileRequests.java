package io.chatql.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GraphQL requests built from an {@link Operation} and then made hostile: arguments of the wrong type or
 * with hostile values, documents with tokens deleted, inserted or swapped, documents that storm the
 * server's limits, and envelopes whose members have the wrong type.
 */
final class HostileRequests {

    private static final Pattern TOKEN = Pattern.compile("\\$?[_A-Za-z][_0-9A-Za-z]*|\\.\\.\\.|\\S");

    private static final List<String> INSERTIONS = List.of(
            "{",
            "}",
            "(",
            ")",
            ":",
            "!",
            "[",
            "]",
            "$",
            "$undeclared",
            "...",
            "...F",
            "... on Query { me { id } }",
            "@include(if: $missing)",
            "@skip(if: \"yes\")",
            "@deprecated",
            "@noSuchDirective",
            "unknownField",
            "__typename",
            "__schema { types { name } }",
            "__type(name: \"Query\") { name }",
            "alias: me { id }",
            "\"string\"",
            "\"\"\"block\"\"\"",
            "123",
            "-1.5e999",
            "query",
            "mutation",
            "subscription",
            "fragment F on Query { ...F }",
            "#",
            "\u0000",
            "\ud800");

    private final Hostile hostile;

    private final List<String> ids;

    /** Requests whose id arguments are usually one of {@code ids}, so that they get past "not found". */
    HostileRequests(Hostile hostile, List<String> ids) {
        this.hostile = hostile;
        this.ids = ids;
    }

    /** A JSON request body for {@code operation}, hostile in its document, its variables or its envelope. */
    String body(Operation operation) {
        String query = Hostile.quote(document(operation));
        String variables = variables(operation);
        return switch (hostile.between(0, 9)) {
            case 0 -> Hostile.object(List.of("query", "variables"), List.of(hostile.json(), variables));
            case 1 -> Hostile.object(List.of("query", "variables"), List.of(query, hostile.json()));
            case 2 -> Hostile.object(List.of("query", "operationName"), List.of(query, hostile.json()));
            case 3 -> Hostile.object(List.of("query", "extensions"), List.of(query, hostile.json()));
            case 4 -> Hostile.object(List.of("variables"), List.of(variables));
            default -> Hostile.object(List.of("query", "variables"), List.of(query, variables));
        };
    }

    /** The operation's document, as it is, with tokens mutated, or replaced by one that storms a limit. */
    String document(Operation operation) {
        int choice = hostile.between(0, 9);
        if (choice < 5) {
            return operation.document();
        }
        if (choice < 9) {
            return mutated(operation.document());
        }
        return storm();
    }

    /** The operation's variables as a JSON object: each a value it accepts, or hostile. */
    String variables(Operation operation) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Operation.Argument argument : operation.arguments()) {
            if (hostile.chance(10)) {
                continue;
            }
            names.add(argument.name());
            values.add(hostile.chance(50) ? hostile.json() : plausible(argument));
        }
        if (hostile.chance(10)) {
            names.add("undeclared");
            values.add(hostile.json());
        }
        return Hostile.object(names, values);
    }

    private String plausible(Operation.Argument argument) {
        if (argument.plausible() != null) {
            return argument.plausible();
        }
        return Hostile.quote(
                hostile.chance(70) ? hostile.pick(ids) : Instant.now().toString());
    }

    private String mutated(String document) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(document);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        for (int mutations = hostile.between(1, 3); mutations > 0; mutations--) {
            int at = hostile.between(0, tokens.size() - 1);
            switch (hostile.between(0, 3)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> tokens.set(at, tokens.get(hostile.between(0, tokens.size() - 1)));
                default -> tokens.add(at, hostile.pick(INSERTIONS));
            }
        }
        return String.join(" ", tokens);
    }

    /** A document that is valid, or nearly, but storms one of the server's limits. */
    private String storm() {
        int size = hostile.between(50, 3000);
        return switch (hostile.between(0, 5)) {
            case 0 -> {
                StringBuilder aliases = new StringBuilder("{");
                for (int i = 0; i < size; i++) {
                    aliases.append(" a").append(i).append(": me { id }");
                }
                yield aliases.append(" }").toString();
            }
            case 1 ->
                "{ me " + "{ conversations { userConversations { conversation ".repeat(size / 50) + "{ id }"
                        + " } } }".repeat(size / 50) + " }";
            case 2 -> {
                StringBuilder fragments = new StringBuilder("query { ...F0 }");
                for (int i = 0; i < size / 10; i++) {
                    fragments
                            .append(" fragment F")
                            .append(i)
                            .append(" on Query { ...F")
                            .append(i + 1)
                            .append(" }");
                }
                yield fragments
                        .append(" fragment F")
                        .append(size / 10)
                        .append(" on Query { ...F0 }")
                        .toString();
            }
            case 3 -> "{ me " + "@skip(if: false) ".repeat(size) + "{ id } }";
            case 4 ->
                "{ __schema { types { fields { type " + "{ ofType ".repeat(size / 100) + "{ name }"
                        + " }".repeat(size / 100) + " } } } }";
            default -> "query A { me { id } } ".repeat(size / 10);
        };
    }
}

package io.chatql.fuzz;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of the schema's Query, Mutation or Subscription type, with its arguments, as a client
 * calls it.
 */
record Operation(String kind, String field, List<Argument> arguments, String selection) {

    /**
     * An argument: its name, its GraphQL type as written in the schema ({@code ID!}), and a value it
     * accepts as JSON, or null for a string or id, which the caller chooses.
     */
    record Argument(String name, String type, @Nullable String plausible) {}

    /** The operation as a document that takes every argument from a variable of the same name. */
    String document() {
        if (arguments.isEmpty()) {
            return kind + " { " + field + " " + selection + " }";
        }
        StringBuilder variables = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Argument argument : arguments) {
            variables
                    .append(variables.isEmpty() ? "" : ", ")
                    .append('$')
                    .append(argument.name())
                    .append(": ");
            variables.append(argument.type());
            values.append(values.isEmpty() ? "" : ", ")
                    .append(argument.name())
                    .append(": $")
                    .append(argument.name());
        }
        return kind + " (" + variables + ") { " + field + "(" + values + ") " + selection + " }";
    }
}

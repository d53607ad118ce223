package io.chatql.system;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses a field, with BAD_REQUEST and before its data fetcher runs, when an argument holds text that
 * is not {@linkplain Inputs#isStorable storable}, at any depth of its lists and input objects, whether
 * it came from a literal or a variable. Every operation, over HTTP or a real-time connection, runs
 * through it, so no feature sees such text and both databases get the same inputs. A field read from
 * its object's property, as most fields of a result are, uses no argument and is left alone without
 * asking for its definition, which would have graphql-java build the field's whole environment.
 */
@Component
class StorableArguments extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()
                || parameters.getField().getArguments().isEmpty()) {
            return fetcher;
        }
        return environment -> {
            environment.getArguments().forEach(StorableArguments::requireStorable);
            return fetcher.get(environment);
        };
    }

    private static void requireStorable(String argument, @Nullable Object value) {
        Deque<Object> values = new ArrayDeque<>();
        if (value != null) {
            values.push(value);
        }
        while (!values.isEmpty()) {
            Object next = values.pop();
            if (next instanceof String text) {
                Inputs.requireStorable(argument, text);
            } else if (next instanceof Map<?, ?> object) {
                object.values().stream().filter(field -> field != null).forEach(values::push);
            } else if (next instanceof List<?> list) {
                list.stream().filter(item -> item != null).forEach(values::push);
            }
        }
    }
}

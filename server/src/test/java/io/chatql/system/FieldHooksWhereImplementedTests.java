package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FieldHooksWhereImplementedTests {

    private static final String SCHEMA = "type Query { counts: [Count!]! }  type Count { id: ID!  unread: Int! }";

    @Test
    void noFieldHookIsAskedForWhenNoInstrumentationImplementsOne() {
        var chain = new FieldHooksWhereImplemented(List.of(new OperationsOnly(), new DataFetchersOnly()));

        assertThat(chain.beginExecuteObject(null, null)).isNull();
        assertThat(chain.beginFieldExecution(null, null)).isNull();
        assertThat(chain.beginFieldFetching(null, null)).isNull();
        assertThat(chain.beginFieldCompletion(null, null)).isNull();
        assertThat(chain.beginFieldListCompletion(null, null)).isNull();
    }

    @Test
    void everyInstrumentationStillTakesPartInTheOperationAndItsDataFetchers() {
        var operations = new OperationsOnly();
        var dataFetchers = new DataFetchersOnly();

        ExecutionResult result = execute(new FieldHooksWhereImplemented(List.of(operations, dataFetchers)));

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData())
                .isEqualTo(Map.of("counts", List.of(Map.of("id", "a", "unread", 1), Map.of("id", "b", "unread", 2))));
        assertThat(operations.executions).hasValue(1);
        assertThat(dataFetchers.instrumented).hasValue(5);
    }

    @Test
    void aFieldHookThatOneInstrumentationImplementsIsCalledForEveryField() {
        var fetching = new FieldFetching();

        ExecutionResult result = execute(new FieldHooksWhereImplemented(List.of(new OperationsOnly(), fetching)));

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetching.fetches).hasValue(5);
    }

    private static ExecutionResult execute(Instrumentation instrumentation) {
        DataFetcher<?> counts = environment -> List.of(Map.of("id", "a", "unread", 1), Map.of("id", "b", "unread", 2));
        var schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse(SCHEMA),
                        RuntimeWiring.newRuntimeWiring()
                                .type("Query", type -> type.dataFetcher("counts", counts))
                                .build());
        return GraphQL.newGraphQL(schema)
                .instrumentation(instrumentation)
                .build()
                .execute("{ counts { id unread } }");
    }

    /** Takes part in each operation as a whole, as the query limits and the request observation do. */
    static final class OperationsOnly extends SimplePerformantInstrumentation {

        final AtomicInteger executions = new AtomicInteger();

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            executions.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }

    /** Wraps data fetchers, as the check of storable arguments does. */
    static final class DataFetchersOnly extends SimplePerformantInstrumentation {

        final AtomicInteger instrumented = new AtomicInteger();

        @Override
        public DataFetcher<?> instrumentDataFetcher(
                DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            instrumented.incrementAndGet();
            return fetcher;
        }
    }

    /** Watches every field fetched. */
    static final class FieldFetching extends SimplePerformantInstrumentation {

        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(
                InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            fetches.incrementAndGet();
            return FieldFetchingInstrumentationContext.NOOP;
        }
    }
}

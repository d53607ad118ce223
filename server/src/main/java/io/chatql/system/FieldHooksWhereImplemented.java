package io.chatql.system;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's GraphQL instrumentations, chained as Spring for GraphQL chains them, except that
 * the hooks graphql-java calls for every object and field of every result reach the chain only when
 * one of them implements the hook. The chain asks each of its instrumentations on each call and
 * gathers their contexts in a new list, even when every one of them answers none: for a result of
 * 500 objects of three fields, that was a third of the time graphql-java spent on it. Which hooks an
 * instrumentation implements is read once, from the classes that declare its methods.
 */
final class FieldHooksWhereImplemented extends ChainedInstrumentation {

    /** The classes whose hook methods do nothing. */
    private static final Set<Class<?>> DOING_NOTHING =
            Set.of(Instrumentation.class, SimplePerformantInstrumentation.class);

    private final boolean executeObject;

    private final boolean fieldExecution;

    private final boolean fieldFetching;

    private final boolean fieldCompletion;

    private final boolean fieldListCompletion;

    FieldHooksWhereImplemented(List<Instrumentation> instrumentations) {
        super(instrumentations);
        this.executeObject = anyImplements(
                "beginExecuteObject", InstrumentationExecutionStrategyParameters.class, InstrumentationState.class);
        this.fieldExecution =
                anyImplements("beginFieldExecution", InstrumentationFieldParameters.class, InstrumentationState.class);
        this.fieldFetching = anyImplements(
                        "beginFieldFetching", InstrumentationFieldFetchParameters.class, InstrumentationState.class)
                || anyImplements(
                        "beginFieldFetch", InstrumentationFieldFetchParameters.class, InstrumentationState.class);
        this.fieldCompletion = anyImplements(
                "beginFieldCompletion", InstrumentationFieldCompleteParameters.class, InstrumentationState.class);
        this.fieldListCompletion = anyImplements(
                "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class, InstrumentationState.class);
    }

    @Override
    public @Nullable ExecuteObjectInstrumentationContext beginExecuteObject(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldExecution(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
    }

    @Override
    public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldCompletion(
            InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldListCompletion(
            InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : null;
    }

    private boolean anyImplements(String hook, Class<?>... parameterTypes) {
        return instrumentations.stream().anyMatch(instrumentation -> {
            try {
                Class<?> declaring = instrumentation
                        .getClass()
                        .getMethod(hook, parameterTypes)
                        .getDeclaringClass();
                return !DOING_NOTHING.contains(declaring);
            } catch (NoSuchMethodException unknown) {
                return true;
            }
        });
    }

    /** Puts the chain in the place of the one Spring for GraphQL makes of the same instrumentations. */
    @Configuration(proxyBeanMethods = false)
    static class Chaining {

        @Bean
        GraphQlSourceBuilderCustomizer fieldHooksWhereImplemented(ObjectProvider<Instrumentation> instrumentations) {
            return builder ->
                    builder.configureGraphQl(graphQl -> graphQl.instrumentation(new FieldHooksWhereImplemented(
                            instrumentations.orderedStream().toList())));
        }
    }
}

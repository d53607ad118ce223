package io.chatql.system;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses, before running them, queries nested deeper than {@value #MAX_DEPTH} levels or costing more
 * than {@value #MAX_COMPLEXITY} fields, with a BAD_REQUEST error.
 *
 * <p>graphql-java's checks walk the operation with its variables at every execution. A document the
 * {@link ParsedDocumentCache} found well within both limits whatever the variables, as nearly every
 * client's documents are, is not walked again: on the posting path the walks were 3 % of the CPU.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

    static final int MAX_DEPTH = 10;

    static final int MAX_COMPLEXITY = 1000;

    private final MaxQueryDepthInstrumentation depth = new MaxQueryDepthInstrumentation(MAX_DEPTH) {
        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return refusal("query depth " + depth + " exceeds the maximum of " + maxDepth);
        }
    };

    private final MaxQueryComplexityInstrumentation complexity = new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY) {
        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return refusal("query complexity " + complexity + " exceeds the maximum of " + maxComplexity);
        }
    };

    private final ParsedDocumentCache documents;

    QueryLimits(ParsedDocumentCache documents) {
        this.documents = documents;
    }

    @Override
    public @Nullable CompletableFuture<InstrumentationState> createStateAsync(
            InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, @Nullable InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        if (documents.isWellWithinQueryLimits(parameters.getExecutionContext().getDocument())) {
            return SimpleInstrumentationContext.noOp();
        }
        depth.beginExecuteOperation(parameters, state);
        return complexity.beginExecuteOperation(parameters, state);
    }

    private static AbortExecutionException refusal(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .build()));
    }
}

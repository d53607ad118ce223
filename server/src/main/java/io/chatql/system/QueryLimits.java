package io.chatql.system;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses, before running them, queries nested deeper than {@value #MAX_DEPTH} levels or costing more
 * than {@value #MAX_COMPLEXITY} fields, with a BAD_REQUEST error.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    static final int MAX_DEPTH = 10;

    static final int MAX_COMPLEXITY = 1000;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal("query depth " + depth + " exceeds the maximum of " + maxDepth);
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refusal("query complexity " + complexity + " exceeds the maximum of " + maxComplexity);
            }
        };
    }

    private static AbortExecutionException refusal(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .build()));
    }
}

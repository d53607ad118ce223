package io.chatql.system;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Answers client errors raised by queries and mutations with their GraphQL error type, and a data
 * fetcher of an execution that was cancelled, as when its client disconnects, with graphql-java's
 * {@code ExecutionAborted}, which no one reads. Anything not mapped is left to Spring for GraphQL,
 * which answers INTERNAL_ERROR with an execution id and logs the cause.
 */
@Component
class GraphQlErrorMapping extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrorMapping.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof AbortExecutionException cancelled) {
            LOG.debug("Cancelled {}: {}", env.getExecutionStepInfo().getPath(), cancelled.getMessage());
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.ExecutionAborted)
                    .message(cancelled.getMessage())
                    .build();
        }
        ErrorClassification type = ErrorTypes.of(ex);
        if (type == null) {
            return null;
        }
        LOG.debug("Refused {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(ex.getMessage())
                .build();
    }
}

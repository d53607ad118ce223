package io.chatql.system;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Answers client errors raised by a subscription's stream, such as a non-member subscribing to a
 * conversation, with an {@code error} message carrying their GraphQL error type.
 */
@Component
class SubscriptionErrorMapping extends SubscriptionExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionErrorMapping.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex) {
        ErrorClassification type = ErrorTypes.of(ex);
        if (type == null) {
            return null;
        }
        LOG.debug("Refused subscription: {}", ex.getMessage());
        return GraphqlErrorBuilder.newError()
                .errorType(type)
                .message(ex.getMessage())
                .build();
    }
}

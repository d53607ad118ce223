package io.chatql.realtime;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses, before running it, a subscription sent where its events cannot be streamed: a plain {@code
 * POST /graphql}, whose one answer would otherwise be the events' publisher serialized. Subscriptions
 * run on the WebSocket endpoints, whose operations carry a {@link SubscriptionMode}, and over
 * Server-Sent Events, whose requests accept {@code text/event-stream}; anywhere else they get one
 * BAD_REQUEST error and no data, so 200 with {@code application/json} and 400 with {@code
 * application/graphql-response+json}, as for any request that cannot be run.
 */
@Component
class SingleResponseSubscriptions extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final String STREAMED = SingleResponseSubscriptions.class.getName() + ".streamed";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (acceptsEventStream(request)) {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(STREAMED, true);
                return input;
            });
        }
        return chain.next(request);
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        GraphQLContext context = parameters.getExecutionContext().getGraphQLContext();
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && !context.getBoolean(STREAMED, false)
                && !SubscriptionMode.isApplied(context)) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("subscriptions need a WebSocket connection or Server-Sent Events "
                            + "(POST /graphql with Accept: text/event-stream)")
                    .build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static boolean acceptsEventStream(WebGraphQlRequest request) {
        try {
            return request.getHeaders().getAccept().stream()
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}

package io.chatql.realtime;

import graphql.execution.SubscriptionExecutionStrategy;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps each subscription's results in the order of its events. Without this, graphql-java sends the
 * result of an event as soon as its fields are resolved, so an event with a batch-loaded field can be
 * overtaken by the next one.
 */
@Component
class OrderedSubscriptionEvents implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
            return input;
        });
        return chain.next(request);
    }
}

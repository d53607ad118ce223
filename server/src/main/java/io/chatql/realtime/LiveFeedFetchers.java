package io.chatql.realtime;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.chatql.live.LiveFeed;
import io.chatql.system.Caller;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.graphql.execution.TypeVisitorHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Runs the {@link LiveFeed}s that subscription data fetchers return, in the {@link SubscriptionMode} of
 * their operation, on every transport: so the features' controllers say what a subscription needs, and
 * never how it is run. The data fetcher of each subscription field declared to return a feed is wrapped
 * (inside Spring's own wrapping, which hands a controller's return value on as a publisher of it); the
 * others return their events, and are run live.
 */
@Component
class LiveFeedFetchers implements GraphQlSourceBuilderCustomizer {

    private final Set<String> feedFields = ConcurrentHashMap.newKeySet();

    private final ConnectionRegistry registry;

    LiveFeedFetchers(ConnectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(new SubscriptionFields()));
    }

    /** Whether the subscription field returns a {@link LiveFeed}, which can be run in any mode. */
    boolean returnsFeed(String subscriptionField) {
        return feedFields.contains(subscriptionField);
    }

    /** Wraps the data fetcher of every field of the subscription type that returns a feed. */
    private final class SubscriptionFields extends GraphQLTypeVisitorStub {

        @Override
        public TraversalControl visitGraphQLFieldDefinition(
                GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
            GraphQLFieldsContainer parent = (GraphQLFieldsContainer) context.getParentNode();
            if (!context.getVarFromParents(TypeVisitorHelper.class).isSubscriptionType(parent)) {
                return TraversalControl.CONTINUE;
            }
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            if (fetcher instanceof SelfDescribingDataFetcher<?> described
                    && LiveFeed.class.isAssignableFrom(described.getReturnType().toClass())) {
                registry.dataFetcher(coordinates, new FeedRunning(fetcher, LiveFeedFetchers.this.registry));
                feedFields.add(field.getName());
            }
            return TraversalControl.CONTINUE;
        }
    }

    /**
     * Runs the feed of a subscription data fetcher, which a controller hands on as a publisher of it. A
     * feed run without a mode is a Server-Sent Events stream, which ends when its user's account is
     * disabled; a WebSocket connection is closed then as a whole.
     */
    private record FeedRunning(DataFetcher<?> fetcher, ConnectionRegistry connections)
            implements DataFetcher<@Nullable Object> {

        @Override
        public @Nullable Object get(DataFetchingEnvironment environment) throws Exception {
            Object value = fetcher.get(environment);
            if (value instanceof Publisher<?> feeds) {
                return Flux.from(feeds).next().flatMapMany(feed -> run(feed, environment));
            }
            return value == null ? null : run(value, environment);
        }

        private Flux<?> run(Object feed, DataFetchingEnvironment environment) {
            GraphQLContext context = environment.getGraphQlContext();
            Flux<?> events = SubscriptionMode.run((LiveFeed<?>) feed, context);
            Caller caller = context.get(Caller.class);
            return SubscriptionMode.isApplied(context) || caller == null
                    ? events
                    : connections.endedWhenDisabled(caller.id(), events);
        }
    }
}

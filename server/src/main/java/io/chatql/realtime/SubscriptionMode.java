package io.chatql.realtime;

import graphql.GraphQLContext;
import io.chatql.live.LiveFeed;
import java.util.function.LongConsumer;
import reactor.core.publisher.Flux;

/**
 * How the {@link LiveFeed} of a subscription operation is run. Subscribers of the same operation on
 * one node may share one live execution (see {@link SharedSubscriptions}); each subscriber's own
 * request is then only run to check that it may subscribe and, when it resumes, to catch up on what it
 * missed. The mode rides the operation's GraphQL context from {@link GraphQlOperations} to {@link
 * LiveFeedFetchers}, which run the feed the subscription's data fetcher returns.
 */
enum SubscriptionMode {

    /** Checks the caller, then delivers live events: the default, as over HTTP and Server-Sent Events. */
    LIVE,

    /** Checks that the caller may subscribe, then completes without events. */
    AUTHORIZE,

    /** Checks the caller, delivers what was stored after its resume point, then completes. */
    CATCH_UP;

    private static final String RUN = SubscriptionMode.class.getName();

    /**
     * Runs the operation of {@code context} in this mode, reporting the position of each event to
     * {@code positions}, in order, and, for a live one, calling {@code listening} once its events are
     * listened to.
     */
    void applyTo(GraphQLContext context, LongConsumer positions, Runnable listening) {
        context.put(RUN, new Run(this, positions, listening));
    }

    /** Whether the operation of {@code context} was given a mode, as every real-time operation is. */
    static boolean isApplied(GraphQLContext context) {
        return context.hasKey(RUN);
    }

    /** The events of {@code feed}, in the mode of the operation of {@code context}. */
    static <T> Flux<T> run(LiveFeed<T> feed, GraphQLContext context) {
        Run run = context.getOrDefault(RUN, Run.ALONE);
        Flux<LiveFeed.Positioned<T>> events = switch (run.mode()) {
            case LIVE -> feed.authorization().thenMany(feed.live(run.listening()));
            case AUTHORIZE -> feed.authorization().thenMany(Flux.empty());
            case CATCH_UP -> feed.authorization().thenMany(feed.catchUp());
        };
        return events.map(event -> {
            run.positions().accept(event.position());
            return event.event();
        });
    }

    private record Run(SubscriptionMode mode, LongConsumer positions, Runnable listening) {

        static final Run ALONE = new Run(LIVE, position -> {}, () -> {});
    }
}

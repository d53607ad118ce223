package io.chatql.realtime;

import graphql.GraphQLContext;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a subscription operation is run. Subscribers of the same operation on one node share one live
 * execution (see {@link SharedSubscriptions}); each subscriber's own request is only run to check that
 * it may subscribe and, when it resumes, to catch up on what it missed.
 */
public enum SubscriptionMode {

    /** Checks the caller, then delivers live events: the default, as over HTTP and Server-Sent Events. */
    LIVE,

    /** Checks that the caller may subscribe, then completes without events. */
    AUTHORIZE,

    /** Checks the caller, delivers what was stored after its resume point, then completes. */
    CATCH_UP;

    private static final String MODE = SubscriptionMode.class.getName();

    private static final String POSITIONS = SubscriptionMode.class.getName() + ".positions";

    private static final String LISTENING = SubscriptionMode.class.getName() + ".listening";

    /**
     * What a subscription's data fetcher returns, in the mode the operation runs in. Each event's
     * position (such as a message's sequence) is reported to the runner, in order, so that it can tell
     * catch-up and live events apart.
     *
     * @param authorization completes when the caller may subscribe, fails otherwise
     * @param live the live events, which may begin with a catch-up of their own; given what to run once
     *     they are listened to and every later event will be delivered
     * @param catchUp the events stored after the resume point, a finite stream
     * @param position the position of an event
     */
    public static <T> Flux<T> serve(
            GraphQLContext context,
            Mono<Void> authorization,
            Function<Runnable, Flux<T>> live,
            Supplier<Flux<T>> catchUp,
            ToLongFunction<T> position) {
        SubscriptionMode mode = context.getOrDefault(MODE, LIVE);
        LongConsumer positions = context.getOrDefault(POSITIONS, (LongConsumer) ignored -> {});
        Runnable listening = context.getOrDefault(LISTENING, (Runnable) () -> {});
        Flux<T> events = switch (mode) {
            case LIVE -> authorization.thenMany(Flux.defer(() -> live.apply(listening)));
            case AUTHORIZE -> authorization.thenMany(Flux.empty());
            case CATCH_UP -> authorization.thenMany(Flux.defer(catchUp));
        };
        return events.doOnNext(event -> positions.accept(position.applyAsLong(event)));
    }

    /**
     * Runs the operation of {@code context} in this mode, reporting event positions to {@code positions},
     * and, for a live one, calling {@code listening} once its events are listened to.
     */
    void applyTo(GraphQLContext context, LongConsumer positions, Runnable listening) {
        context.put(MODE, this);
        context.put(POSITIONS, positions);
        context.put(LISTENING, listening);
    }
}

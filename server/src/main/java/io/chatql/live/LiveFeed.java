package io.chatql.live;

import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a subscription needs run, as its data fetcher returns it: a check that the caller may
 * subscribe, the live events from a starting point on, and the events stored after that point. Each
 * event carries its position (such as a message's sequence), so that whoever runs the subscription can
 * tell caught-up and live events apart.
 *
 * <p>The feature says what; the transport decides how. Over HTTP each subscriber runs the whole
 * feed; a real-time connection may check the caller on its own, share one live execution among the
 * subscribers of the same operation, and catch each one up on what it missed.
 *
 * @param <T> the events
 */
public final class LiveFeed<T> {

    /** The position of events that have none of their own, such as new users. */
    private static final long UNPOSITIONED = 0;

    private final Mono<Void> authorization;

    private final Function<Runnable, Flux<Positioned<T>>> live;

    private final Supplier<Flux<Positioned<T>>> catchUp;

    LiveFeed(
            Mono<Void> authorization,
            Function<Runnable, Flux<Positioned<T>>> live,
            Supplier<Flux<Positioned<T>>> catchUp) {
        this.authorization = authorization;
        this.live = live;
        this.catchUp = catchUp;
    }

    /**
     * Live events only, listened to once subscribed, with nothing stored to catch up on; {@code events}
     * must listen as it is subscribed, as {@link LiveEvents#stream} does.
     */
    public static <T> LiveFeed<T> of(Flux<T> events) {
        return new LiveFeed<>(
                Mono.empty(),
                listening -> events.doOnSubscribe(subscription -> listening.run())
                        .map(event -> new Positioned<>(event, UNPOSITIONED)),
                Flux::empty);
    }

    /** The same feed, once {@code check} completes; its error refuses the subscription. */
    public LiveFeed<T> authorizedBy(Mono<Void> check) {
        return new LiveFeed<>(authorization.then(check), live, catchUp);
    }

    /** The same feed, its events mapped one by one, each keeping its position. */
    public <R> LiveFeed<R> map(Function<? super T, ? extends R> mapper) {
        Function<Positioned<T>, Positioned<R>> each =
                event -> new Positioned<>(mapper.apply(event.event()), event.position());
        return new LiveFeed<>(
                authorization,
                listening -> live.apply(listening).map(each),
                () -> catchUp.get().map(each));
    }

    /** Completes when the caller may subscribe, fails otherwise. */
    public Mono<Void> authorization() {
        return authorization;
    }

    /**
     * The live events, beginning with a catch-up of their own when the subscriber named a starting
     * point; {@code listening} is run once they are listened to, from when no later event is missed.
     */
    public Flux<Positioned<T>> live(Runnable listening) {
        return Flux.defer(() -> live.apply(listening));
    }

    /** The events stored after the starting point, a finite stream: nothing without one. */
    public Flux<Positioned<T>> catchUp() {
        return Flux.defer(catchUp);
    }

    /** An event and its position in its topic. */
    public record Positioned<T>(T event, long position) {}
}

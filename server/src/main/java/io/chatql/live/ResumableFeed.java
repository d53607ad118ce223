package io.chatql.live;

import io.chatql.system.BlockingWork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The events of one topic for one subscriber, each once, with no gap, from a starting point in what is
 * stored on: the algorithm that every resumable subscription runs, given where its items are stored.
 *
 * <p>Live events are listened to before anything is read, and kept. The feed then reads its starting
 * point, catches up on everything stored after it page by page, and goes on with the live events,
 * dropping those it already delivered. When positions are {@link Positions#DENSE}, a live event that
 * skips positions, because events committed in one order reached this node in another, first fills
 * the gap from the store.
 *
 * @param <E> the live event
 * @param <P> the stored item an event carries, which has a position
 */
public abstract class ResumableFeed<E extends LiveEvent, P> {

    /** How many stored items are read at once. */
    public static final int PAGE = 100;

    /** The position before the first item of every topic. */
    protected static final long BEGINNING = 0;

    private final Class<E> type;

    private final Positions positions;

    private final LiveEvents events;

    private final BlockingWork blocking;

    protected ResumableFeed(Class<E> type, Positions positions, LiveEvents events, BlockingWork blocking) {
        this.type = type;
        this.positions = positions;
        this.events = events;
        this.blocking = blocking;
    }

    /** How the positions of a topic's items follow each other. */
    public enum Positions {
        /** One after the other, with no hole: a skipped position is an item still to read. */
        DENSE,
        /** Rising, with holes: only what was already delivered can be told apart. */
        SPARSE
    }

    /**
     * The feed of {@code topic} after the item that {@code after} names, or from now on when it is
     * null.
     */
    public LiveFeed<P> after(String topic, @Nullable String after) {
        return new LiveFeed<>(
                Mono.empty(),
                listening -> follow(topic, after, listening),
                () -> after == null ? Flux.empty() : catchUp(topic, after));
    }

    /** The item an event carries. */
    protected abstract P item(E event);

    /** The position of an item in its topic. */
    protected abstract long position(P item);

    /**
     * The position the feed starts after: the newest stored when {@code after} is null, {@link
     * #BEGINNING} when it is empty, that of the item it names otherwise. Blocking.
     */
    protected abstract long startingPoint(String topic, @Nullable String after);

    /** At most {@code limit} items stored after {@code position}, in position order. Blocking. */
    protected abstract List<P> readAfter(String topic, long position, int limit);

    private Flux<LiveFeed.Positioned<P>> follow(String topic, @Nullable String after, Runnable listening) {
        LiveEvents.Listening<E> live = events.listen(type, topic);
        Delivered delivered = new Delivered();
        return blocking.of(() -> startingPoint(topic, after))
                .doOnNext(start -> {
                    delivered.start(start);
                    listening.run();
                })
                .flatMapMany(start -> readAll(topic, delivered)
                        .concatWith(live.events().map(this::item).concatMap(item -> inOrder(topic, delivered, item))))
                .map(this::positioned)
                .doFinally(signal -> live.dispose());
    }

    private Flux<LiveFeed.Positioned<P>> catchUp(String topic, String after) {
        Delivered delivered = new Delivered();
        return blocking.of(() -> startingPoint(topic, after))
                .doOnNext(delivered::start)
                .flatMapMany(start -> readAll(topic, delivered))
                .map(this::positioned);
    }

    /** Everything stored after the last delivered position, page by page. */
    private Flux<P> readAll(String topic, Delivered delivered) {
        return readAfter(topic, delivered, PAGE)
                .expand(page -> page.size() == PAGE ? readAfter(topic, delivered, PAGE) : Mono.empty())
                .flatMapIterable(page -> page);
    }

    private Flux<P> inOrder(String topic, Delivered delivered, P item) {
        long position = position(item);
        if (!delivered.isNew(position)) {
            return Flux.empty();
        }
        if (positions == Positions.DENSE && position > delivered.last + 1) {
            return readAfter(topic, delivered, (int) (position - delivered.last))
                    .flatMapIterable(page -> page);
        }
        delivered.add(position);
        return Flux.just(item);
    }

    private Mono<List<P>> readAfter(String topic, Delivered delivered, int limit) {
        return blocking.of(() -> readAfter(topic, delivered.last, limit))
                .doOnNext(page -> page.forEach(item -> delivered.add(position(item))));
    }

    private LiveFeed.Positioned<P> positioned(P item) {
        return new LiveFeed.Positioned<>(item, position(item));
    }

    /**
     * What the feed delivered: the last position, and, for sparse positions, every one after the
     * start, since an event that arrives late may still be new. Touched by one signal at a time.
     */
    private final class Delivered {

        private long start;

        private long last;

        private final Set<Long> since = new HashSet<>();

        void start(long position) {
            start = position;
            last = position;
        }

        boolean isNew(long position) {
            return positions == Positions.DENSE ? position > last : position > start && !since.contains(position);
        }

        void add(long position) {
            last = Math.max(last, position);
            if (positions == Positions.SPARSE) {
                since.add(position);
            }
        }
    }
}

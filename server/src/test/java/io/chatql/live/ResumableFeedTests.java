package io.chatql.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.system.BlockingWork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A resumable feed takes its subscriber from a point in what is stored to the live events: no gap, no duplicate. */
class ResumableFeedTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingWork blocking = new BlockingWork();

    private final LiveEvents events = new LiveEvents(
            new StaticListableBeanFactory().getBeanProvider(EventRelay.class),
            new LiveEventTypes(),
            new LiveProperties("chatql:events", Duration.ofSeconds(1)),
            blocking);

    private final CountDownLatch listening = new CountDownLatch(1);

    @AfterEach
    void stopBlockingWork() {
        blocking.destroy();
    }

    @Test
    void withoutAStartingPointOnlyLaterItemsArrive() {
        Notes notes = new Notes(ResumableFeed.Positions.DENSE, 1, 2);

        StepVerifier.create(live(notes.after("room", null)).take(1))
                .then(() -> notes.post(3))
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aResumingSubscriberCatchesUpPageByPageThenGoesLive() {
        Notes notes = new Notes(
                ResumableFeed.Positions.DENSE, LongStream.rangeClosed(1, 250).toArray());

        StepVerifier.create(live(notes.after("room", "10")).take(241))
                .expectNextSequence(LongStream.rangeClosed(11, 250).boxed().toList())
                .then(() -> notes.post(251))
                .expectNext(251L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void theEmptyIdStandsBeforeTheFirstItem() {
        Notes notes = new Notes(ResumableFeed.Positions.DENSE, 1, 2);

        StepVerifier.create(notes.after("room", "").catchUp().map(LiveFeed.Positioned::position))
                .expectNext(1L, 2L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void theCatchUpAloneEndsWithWhatIsStored() {
        Notes notes = new Notes(ResumableFeed.Positions.DENSE, 1, 2, 3);

        StepVerifier.create(notes.after("room", "1").catchUp().map(LiveFeed.Positioned::position))
                .expectNext(2L, 3L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(notes.after("room", null).catchUp())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void denseItemsThatArriveAheadFillTheGapFromTheStoreAndLateOnesAreDropped() {
        Notes notes = new Notes(ResumableFeed.Positions.DENSE, 1);

        StepVerifier.create(live(notes.after("room", null)).take(3))
                .then(() -> {
                    notes.awaitListening();
                    notes.store(2);
                    notes.store(3);
                    notes.deliver(3);
                    notes.deliver(2);
                    notes.post(4);
                })
                .expectNext(2L, 3L, 4L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void sparseItemsArriveOnceInTheOrderTheyCome() {
        Notes notes = new Notes(ResumableFeed.Positions.SPARSE, 10);

        StepVerifier.create(live(notes.after("room", null)).take(3))
                .then(() -> {
                    notes.deliver(30);
                    notes.deliver(20);
                    notes.deliver(30);
                    notes.deliver(5);
                    notes.deliver(40);
                })
                .expectNext(30L, 20L, 40L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anItemBothCaughtUpOnAndLiveArrivesOnce() {
        Notes notes = new Notes(ResumableFeed.Positions.SPARSE, 10, 20);

        StepVerifier.create(live(notes.after("room", "")).take(3))
                .expectNext(10L, 20L)
                .then(() -> {
                    notes.deliver(20);
                    notes.post(30);
                })
                .expectNext(30L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void theFeedListensBeforeItReadsAndStopsListeningWhenCancelled() {
        Notes notes = new Notes(ResumableFeed.Positions.DENSE);

        StepVerifier.create(live(notes.after("room", null)))
                .then(() -> assertThat(events.subscriberCount()).isEqualTo(1))
                .thenCancel()
                .verify(TIMEOUT);

        assertThat(events.subscriberCount()).isZero();
    }

    /** The positions the feed delivers, once it listens: items posted in the meantime are not missed. */
    private Flux<Long> live(LiveFeed<Note> feed) {
        return feed.live(listening::countDown).map(LiveFeed.Positioned::position);
    }

    @LiveEventName("test.noted")
    record Noted(String room, Note note) implements LiveEvent {
        @Override
        public String topic() {
            return room;
        }
    }

    record Note(long position) {}

    /** Notes of the room "room", stored in memory, posted as a poster would: stored, then delivered. */
    private final class Notes extends ResumableFeed<Noted, Note> {

        private final List<Note> stored = new CopyOnWriteArrayList<>();

        Notes(Positions positions, long... stored) {
            super(Noted.class, positions, events, blocking);
            for (long position : stored) {
                store(position);
            }
        }

        void store(long position) {
            stored.add(new Note(position));
        }

        void deliver(long position) {
            awaitListening();
            events.deliver(new Noted("room", new Note(position)));
        }

        /** Stores and delivers an item, once the feed has listened and read its starting point. */
        void post(long position) {
            awaitListening();
            store(position);
            deliver(position);
        }

        void awaitListening() {
            try {
                assertThat(listening.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the feed listens")
                        .isTrue();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }

        @Override
        protected Note item(Noted event) {
            return event.note();
        }

        @Override
        protected long position(Note note) {
            return note.position();
        }

        @Override
        protected long startingPoint(String room, @Nullable String after) {
            if (after == null) {
                return stored.isEmpty()
                        ? BEGINNING
                        : stored.get(stored.size() - 1).position();
            }
            return after.isEmpty() ? BEGINNING : Long.parseLong(after);
        }

        @Override
        protected List<Note> readAfter(String room, long position, int limit) {
            return stored.stream()
                    .filter(note -> note.position() > position)
                    .sorted((a, b) -> Long.compare(a.position(), b.position()))
                    .limit(limit)
                    .toList();
        }
    }
}

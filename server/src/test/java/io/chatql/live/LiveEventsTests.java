package io.chatql.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.chatql.system.BlockingWork;
import io.chatql.system.FellBehindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class LiveEventsTests {

    private final LiveEvents events = waitingAtMost(Duration.ofSeconds(30));

    @Test
    void eventReachesOnlyTheSubscribersOfItsTopic() {
        StepVerifier.create(events.stream(Said.class, "kitchen").take(2))
                .then(() -> {
                    events.deliver(new Said("kitchen", "one"));
                    events.deliver(new Said("garden", "elsewhere"));
                    events.deliver(new Said("kitchen", "two"));
                })
                .expectNext(new Said("kitchen", "one"), new Said("kitchen", "two"))
                .verifyComplete();
    }

    @Test
    void readerOfEveryTopicReceivesTheEventsOfAllTopicsOfItsKind() {
        StepVerifier.create(events.streamOfEveryTopic(Said.class).take(2))
                .then(() -> {
                    events.deliver(new Said("kitchen", "one"));
                    events.deliver(new Said("garden", "two"));
                })
                .expectNext(new Said("kitchen", "one"), new Said("garden", "two"))
                .verifyComplete();
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void eventDeliveredOnThisNodeIsNotRelayed() {
        List<LiveEvent> relayed = new ArrayList<>();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("relay", (EventRelay) relayed::add);
        LiveEvents relaying = new LiveEvents(
                beans.getBeanProvider(EventRelay.class),
                new LiveEventTypes(),
                new LiveProperties("chatql:events", Duration.ofSeconds(1)),
                new BlockingWork());

        StepVerifier.create(relaying.stream(Said.class, "porch").take(2))
                .then(() -> {
                    relaying.deliverOnThisNode(new Said("porch", "derived here"));
                    relaying.onCommitted(new Said("porch", "committed"));
                })
                .expectNext(new Said("porch", "derived here"), new Said("porch", "committed"))
                .verifyComplete();
        assertThat(relayed).containsExactly(new Said("porch", "committed"));
    }

    @Test
    void topicServesNewSubscribersAfterItsLastOneLeft() {
        Disposable first = events.stream(Said.class, "hall").subscribe();
        first.dispose();

        StepVerifier.create(events.stream(Said.class, "hall").take(1))
                .then(() -> events.deliver(new Said("hall", "still heard")))
                .expectNext(new Said("hall", "still heard"))
                .verifyComplete();
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void subscribersAreCountedWhileTheyListen() {
        List<Disposable> listening = List.of(
                events.stream(Said.class, "a").subscribe(),
                events.stream(Said.class, "b").subscribe());

        assertThat(events.subscriberCount()).isEqualTo(2);
        listening.forEach(Disposable::dispose);
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void eventWithoutSubscribersIsDropped() {
        events.deliver(new Said("nobody", "listens"));

        StepVerifier.create(events.stream(Said.class, "nobody").take(Duration.ofMillis(100)))
                .verifyComplete();
    }

    @Test
    void postingWaitsUntilASubscriberFarBehindCatchesUp() {
        LiveEvents.Listening<Said> slow = events.listen(Said.class, "busy");
        say(events, "busy", LiveEvents.WAIT_BEYOND + 1);

        CompletableFuture<Void> posting = posting(events, "busy");

        assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> posting.get(200, TimeUnit.MILLISECONDS));
        StepVerifier.create(slow.events(), 0)
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(posting).succeedsWithin(Duration.ofSeconds(5)))
                .thenCancel()
                .verify();
        slow.dispose();
    }

    @Test
    void postingDoesNotWaitForSubscribersThatKeepUp() {
        LiveEvents.Listening<Said> reader = events.listen(Said.class, "calm");
        say(events, "calm", LiveEvents.WAIT_BEYOND);

        assertThat(posting(events, "calm")).succeedsWithin(Duration.ofSeconds(5));
        reader.dispose();
    }

    @Test
    void aSubscriberThatLeavesHoldsNoPosterBack() {
        LiveEvents.Listening<Said> gone = events.listen(Said.class, "door");
        say(events, "door", LiveEvents.WAIT_BEYOND + 1);
        CompletableFuture<Void> posting = posting(events, "door");

        gone.dispose();

        assertThat(posting).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void postingWaitsNoLongerThanTheSubscriberWait() {
        LiveEvents brief = waitingAtMost(Duration.ofMillis(100));
        LiveEvents.Listening<Said> stuck = brief.listen(Said.class, "stuck");
        say(brief, "stuck", LiveEvents.WAIT_BEYOND + 1);

        assertThat(posting(brief, "stuck")).succeedsWithin(Duration.ofSeconds(5));
        stuck.dispose();
    }

    @Test
    void aSubscriberTooFarBehindStopsListeningAndIsToldToResume() {
        LiveEvents.Listening<Said> stalled = events.listen(Said.class, "flood");
        say(events, "flood", LiveEvents.SUBSCRIBER_BUFFER + 1);

        assertThat(events.subscriberCount()).isZero();
        assertThat(posting(events, "flood")).succeedsWithin(Duration.ofSeconds(5));
        StepVerifier.create(stalled.events())
                .expectNextCount(LiveEvents.SUBSCRIBER_BUFFER)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(FellBehindException.class)
                        .hasMessageContaining("fell " + LiveEvents.SUBSCRIBER_BUFFER + " events behind")
                        .hasMessageContaining("subscribe again with after"))
                .verify(Duration.ofSeconds(5));
    }

    private static LiveEvents waitingAtMost(Duration subscriberWait) {
        return new LiveEvents(
                new StaticListableBeanFactory().getBeanProvider(EventRelay.class),
                new LiveEventTypes(),
                new LiveProperties("chatql:events", subscriberWait),
                new BlockingWork());
    }

    private static void say(LiveEvents events, String room, int times) {
        for (int i = 0; i < times; i++) {
            events.deliver(new Said(room, "#" + i));
        }
    }

    private static CompletableFuture<Void> posting(LiveEvents events, String room) {
        return events.subscribersCaughtUp(Said.class, room).toFuture();
    }

    @LiveEventName("test.said")
    record Said(String room, String words) implements LiveEvent {
        @Override
        public String topic() {
            return room;
        }
    }
}

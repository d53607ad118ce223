package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class LiveEventsTests {

    private final LiveEvents events = new LiveEvents(new StaticListableBeanFactory().getBeanProvider(EventRelay.class));

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

    record Said(String room, String words) implements LiveEvent {
        @Override
        public String topic() {
            return room;
        }
    }
}

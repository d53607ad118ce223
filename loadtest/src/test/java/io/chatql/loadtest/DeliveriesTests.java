package io.chatql.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTests {

    @Test
    void secondDeliveryOfAMessageToASubscriberIsADuplicate() {
        Deliveries deliveries = new Deliveries(2, 10);
        long sent = System.nanoTime();

        deliveries.record(0, 1, sent);
        deliveries.record(1, 1, sent);
        deliveries.record(0, 1, sent);

        assertThat(deliveries.total()).isEqualTo(3);
        assertThat(deliveries.unique()).isEqualTo(2);
        assertThat(deliveries.duplicates()).isEqualTo(1);
        assertThat(deliveries.latencies().count()).isEqualTo(2);
    }

    @Test
    void warmUpMessagesCountTheSubscribersThatListen() {
        Deliveries deliveries = new Deliveries(2, 10);

        deliveries.record(0, 0, System.nanoTime());
        deliveries.record(1, 0, System.nanoTime());
        deliveries.record(1, 0, System.nanoTime());

        assertThat(deliveries.warmedUp()).isEqualTo(2);
        assertThat(deliveries.total()).isZero();
    }
}

package io.chatql.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTests {

    @Test
    void p99OfHundredSamplesIsTheNinetyNinth() {
        Samples samples = new Samples(100);
        for (int i = 100; i >= 1; i--) {
            samples.add(i * 1_000_000L);
        }

        assertThat(samples.percentileMillis(99)).isEqualTo(99);
        assertThat(samples.percentileMillis(50)).isEqualTo(50);
        assertThat(samples.maxMillis()).isEqualTo(100);
    }

    @Test
    void noSamplesGiveZero() {
        assertThat(new Samples(10).percentileMillis(99)).isZero();
    }

    @Test
    void samplesBeyondTheCapacityAreNotKept() {
        Samples samples = new Samples(2);
        samples.add(1);
        samples.add(2);
        samples.add(3);

        assertThat(samples.count()).isEqualTo(2);
    }
}

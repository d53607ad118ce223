package io.chatql.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void readsTheScenarioValuesAndFlags() {
        Options options = Options.parse("fanout", "--subscribers", "10", "--check", "--url", "http://h:1");

        assertThat(options.scenario()).isEqualTo("fanout");
        assertThat(options.integer("subscribers", 1000)).isEqualTo(10);
        assertThat(options.integer("messages", 2000)).isEqualTo(2000);
        assertThat(options.flag("check")).isTrue();
        assertThat(options.text("url", "")).isEqualTo("http://h:1");
    }

    @Test
    void refusesAMissingScenario() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--subscribers", "10"));
    }
}

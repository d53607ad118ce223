package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

@ExtendWith(OutputCaptureExtension.class)
class DroppedErrorsTests {

    @AfterEach
    void resetHooks() {
        Hooks.resetOnErrorDropped();
    }

    @Test
    void aClientErrorNoOneWaitsForLeavesNoErrorAndNoStackTrace(CapturedOutput output) {
        new DroppedErrors();

        Operators.onErrorDropped(new NotFoundException("conversation no-such-id not found"), Context.empty());

        assertThat(output.getAll())
                .doesNotContain("ERROR")
                .doesNotContain("\tat ")
                .doesNotContain("WARN");
    }

    @Test
    void aServerFaultNoOneWaitsForIsOneWarning(CapturedOutput output) {
        new DroppedErrors();

        Operators.onErrorDropped(new IllegalStateException("a bug"), Context.empty());

        assertThat(output.getAll()).contains("WARN").contains("a bug").doesNotContain("\tat ");
    }
}

package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionErrorMappingTests {

    private final SubscriptionErrorMapping mapping = new SubscriptionErrorMapping();

    @Test
    void aSubscriptionThatFellBehindIsAnsweredAsFellBehind() {
        List<GraphQLError> errors =
                mapping.resolveException(new FellBehindException(1024)).block(Duration.ofSeconds(5));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("FELL_BEHIND");
            assertThat(error.toSpecification())
                    .extractingByKey("extensions")
                    .isEqualTo(Map.of("classification", "FELL_BEHIND"));
            assertThat(error.getMessage()).contains("subscribe again with after");
        });
    }

    @Test
    void aSubscriptionThatCouldNotReadTheDatabaseIsAnsweredAsUnavailable() {
        List<GraphQLError> errors =
                mapping.resolveException(new DatabaseUnavailableException()).block(Duration.ofSeconds(5));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.toSpecification())
                    .extractingByKey("extensions")
                    .isEqualTo(Map.of("classification", "UNAVAILABLE"));
            assertThat(error.getMessage()).isEqualTo("The service is briefly unavailable; retry");
        });
    }

    @Test
    void anUnexpectedFailureIsLeftToTheDefaultAnswer() {
        List<GraphQLError> errors =
                mapping.resolveException(new IllegalStateException("a bug")).block(Duration.ofSeconds(5));

        assertThat(errors).isNull();
    }
}

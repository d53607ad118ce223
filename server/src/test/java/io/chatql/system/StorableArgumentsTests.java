package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StorableArgumentsTests {

    @Test
    void aFieldReadFromItsPropertyIsLeftAloneWithoutItsEnvironmentBeingBuilt() {
        DataFetcher<?> property = environment -> "value";
        AtomicInteger environmentsBuilt = new AtomicInteger();
        Supplier<DataFetchingEnvironment> environment = () -> {
            environmentsBuilt.incrementAndGet();
            throw new AssertionError("the environment of a property field was built");
        };

        DataFetcher<?> instrumented = new StorableArguments()
                .instrumentDataFetcher(
                        property, new InstrumentationFieldFetchParameters(null, environment, null, true), null);

        assertThat(instrumented).isSameAs(property);
        assertThat(environmentsBuilt).hasValue(0);
    }
}

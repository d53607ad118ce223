package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.ChainedInstrumentation;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class FieldHooksIntegrationTests extends IntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theApplicationsInstrumentationsAreChainedWithFieldHooksWhereImplemented() {
        var instrumentation = graphQlSource.graphQl().getInstrumentation();

        assertThat(instrumentation).isInstanceOf(FieldHooksWhereImplemented.class);
        assertThat(((ChainedInstrumentation) instrumentation).getInstrumentations())
                .hasAtLeastOneElementOfType(StorableArguments.class)
                .hasAtLeastOneElementOfType(QueryLimits.class)
                .hasAtLeastOneElementOfType(GraphQlObservationInstrumentation.class);
    }
}

package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQlErrorMappingTests {

    private final GraphQlErrorMapping mapping = new GraphQlErrorMapping();

    private final DataFetchingEnvironment me = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
            .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
                    .type(Scalars.GraphQLString)
                    .path(ResultPath.rootPath().segment("me"))
                    .build())
            .mergedField(
                    MergedField.newMergedField(Field.newField("me").build()).build())
            .build();

    @Test
    void aFetcherOfACancelledExecutionIsResolvedAsAbortedNotLeftToTheInternalErrorHandler() {
        List<GraphQLError> errors = resolve(new AbortExecutionException("Execution has been asked to be cancelled"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.ExecutionAborted);
            assertThat(error.getMessage()).isEqualTo("Execution has been asked to be cancelled");
        });
    }

    @Test
    void aClientErrorIsResolvedWithItsType() {
        List<GraphQLError> errors = resolve(new InvalidInputException("content must not be empty"));

        assertThat(errors)
                .singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
    }

    @Test
    void aFaultOfTheServerIsLeftToTheInternalErrorHandler() {
        assertThat(resolve(new IllegalStateException("a bug"))).isNull();
    }

    private List<GraphQLError> resolve(Throwable ex) {
        return mapping.resolveException(ex, me).block(Duration.ofSeconds(5));
    }
}

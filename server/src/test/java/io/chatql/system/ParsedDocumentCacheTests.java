package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

/** Real-time connections and HTTP requests share one parse of each document. */
class ParsedDocumentCacheTests {

    private final ParsedDocumentCache cache = new ParsedDocumentCache(schema("type Query { hello: String }"));

    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void aDocumentReadBeforeRunningIsNotParsedAgainToRunIt() {
        PreparsedDocumentEntry read = cache.document("{ hello }");

        PreparsedDocumentEntry run = cache.getDocumentAsync(
                        ExecutionInput.newExecutionInput("{ hello }").build(), this::parse)
                .join();

        assertThat(run).isSameAs(read);
        assertThat(parses).hasValue(0);
        assertThat(read.hasErrors()).isFalse();
    }

    @Test
    void aDocumentRunBeforeIsReadFromTheCacheAndParsedWithinItsLimits() {
        PreparsedDocumentEntry run = cache.getDocumentAsync(
                        ExecutionInput.newExecutionInput("{ hello }").build(), this::parse)
                .join();

        assertThat(cache.document("{ hello }")).isSameAs(run);
        assertThat(parses).hasValue(0);
    }

    @Test
    void aFragmentCycleIsRefusedBeforeValidation() {
        PreparsedDocumentEntry read =
                cache.document("{ ...A } fragment A on Query { ...B } fragment B on Query { hello ...A }");

        assertThat(read.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).isEqualTo("fragment A spreads itself");
        });
    }

    @Test
    void fragmentsNestedWithinTheLimitAreValidated() {
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < DocumentLimits.MAX_FRAGMENT_DEPTH - 1; i++) {
            document.append(" fragment F")
                    .append(i)
                    .append(" on Query { ...F")
                    .append(i + 1)
                    .append(" }");
        }
        document.append(" fragment F")
                .append(DocumentLimits.MAX_FRAGMENT_DEPTH - 1)
                .append(" on Query { hello }");

        assertThat(cache.document(document.toString()).hasErrors()).isFalse();
        assertThat(cache.document(document.toString().replace("{ ...F0 }", "{ ...X } fragment X on Query { ...F0 }"))
                        .getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("nested more than"));
    }

    @Test
    void aDocumentThatDoesNotParseIsReadWithItsSyntaxError() {
        PreparsedDocumentEntry read = cache.document("{ hello ");

        assertThat(read.hasErrors()).isTrue();
        assertThat(read.getErrors().get(0).getErrorType().toString()).isEqualTo("InvalidSyntax");
    }

    @Test
    void aDocumentTheSchemaDoesNotAnswerIsReadWithItsValidationErrors() {
        PreparsedDocumentEntry read = cache.document("{ goodbye }");

        assertThat(read.hasErrors()).isTrue();
        assertThat(read.getDocument()).isNotNull();
        assertThat(read.getErrors().get(0).getErrorType().toString()).isEqualTo("ValidationError");
    }

    private PreparsedDocumentEntry parse(ExecutionInput input) {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    }

    private static ObjectProvider<GraphQlSource> schema(String sdl) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean(
                "graphQlSource",
                GraphQlSource.schemaResourceBuilder()
                        .schemaResources(new ByteArrayResource(sdl.getBytes()))
                        .build());
        return beans.getBeanProvider(GraphQlSource.class);
    }
}

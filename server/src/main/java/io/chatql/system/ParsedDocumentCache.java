package io.chatql.system;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Parses and validates each distinct GraphQL document once, not on every request: clients send the
 * same few documents over and over. The {@value #CAPACITY} most recently used documents of at most
 * {@value #MAX_CACHED_LENGTH} characters are kept, so that the cache stays small whatever is sent.
 * Requests over HTTP and over real-time connections share it: a connection that looks at an operation
 * before running it, to see whether it can share its execution, reads it here too.
 */
@Configuration(proxyBeanMethods = false)
public class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int CAPACITY = 1000;

    static final int MAX_CACHED_LENGTH = 10_000;

    private final Map<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > CAPACITY;
        }
    };

    private final ObjectProvider<GraphQlSource> graphQl;

    public ParsedDocumentCache(ObjectProvider<GraphQlSource> graphQl) {
        this.graphQl = graphQl;
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > MAX_CACHED_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry cached;
        synchronized (documents) {
            cached = documents.get(query);
        }
        if (cached == null) {
            cached = parseAndValidate.apply(input);
            synchronized (documents) {
                documents.put(query, cached);
            }
        }
        return CompletableFuture.completedFuture(cached);
    }

    /**
     * The parsed and validated document of {@code query}, as running it would find it: from the cache,
     * or parsed, validated against the schema and cached as a request's would be.
     */
    public PreparsedDocumentEntry document(String query) {
        return getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), this::parseAndValidate)
                .join();
    }

    /** What graphql-java makes of a document it parses and validates for a request. */
    private PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
        ParseAndValidateResult result =
                ParseAndValidate.parseAndValidate(graphQl.getObject().schema(), input);
        if (result.getSyntaxException() != null) {
            return new PreparsedDocumentEntry(result.getSyntaxException().toInvalidSyntaxError());
        }
        Document document = Objects.requireNonNull(result.getDocument());
        return result.getValidationErrors().isEmpty()
                ? new PreparsedDocumentEntry(document)
                : new PreparsedDocumentEntry(document, result.getValidationErrors());
    }
}

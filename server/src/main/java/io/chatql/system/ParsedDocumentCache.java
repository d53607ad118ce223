package io.chatql.system;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once, not on every request: clients send the
 * same few documents over and over. The {@value #CAPACITY} most recently used documents of at most
 * {@value #MAX_CACHED_LENGTH} characters are kept, so that the cache stays small whatever is sent.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int CAPACITY = 1000;

    static final int MAX_CACHED_LENGTH = 10_000;

    private final Map<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > CAPACITY;
        }
    };

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
}

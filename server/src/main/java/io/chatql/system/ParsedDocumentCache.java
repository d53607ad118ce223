package io.chatql.system;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.parser.exceptions.ParseCancelledTooManyNumericLiteralCharactersException;
import graphql.validation.ValidationError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
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
 * before running it, to see whether it can share its execution, reads it here too. Every document is
 * parsed and checked within {@link DocumentLimits} before it is validated, so that what a client sends
 * cannot make the parser or validation recurse without bound.
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

    /** The valid documents that no variables can take beyond the {@link QueryLimits}. */
    private final Set<Document> wellWithinQueryLimits =
            Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private final ObjectProvider<GraphQlSource> graphQl;

    public ParsedDocumentCache(ObjectProvider<GraphQlSource> graphQl) {
        this.graphQl = graphQl;
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    /**
     * The document of {@code input}, parsed, checked and validated here rather than by graphql-java's
     * {@code parseAndValidate}, which knows nothing of {@link DocumentLimits}.
     */
    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(document(input));
    }

    private PreparsedDocumentEntry document(ExecutionInput input) {
        String query = input.getQuery();
        if (query.length() > MAX_CACHED_LENGTH) {
            return parseAndValidate(input);
        }
        PreparsedDocumentEntry cached;
        synchronized (documents) {
            cached = documents.get(query);
        }
        if (cached == null) {
            cached = parseAndValidate(input);
            synchronized (documents) {
                documents.put(query, cached);
            }
        }
        return cached;
    }

    /**
     * The parsed and validated document of {@code query}, as running it would find it: from the cache,
     * or parsed, validated against the schema and cached as a request's would be.
     */
    public PreparsedDocumentEntry document(String query) {
        return document(ExecutionInput.newExecutionInput(query).build());
    }

    /** Whether {@code document}, as this cache parsed it, cannot exceed the {@link QueryLimits}. */
    boolean isWellWithinQueryLimits(Document document) {
        return wellWithinQueryLimits.contains(document);
    }

    /**
     * Parses {@code input}'s document within the limits, refuses fragments beyond them with BAD_REQUEST
     * and validates the rest against the schema.
     */
    private PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
        Locale locale = Objects.requireNonNullElse(input.getLocale(), Locale.getDefault());
        Document document;
        try {
            document = new Parser()
                    .parseDocument(ParserEnvironment.newParserEnvironment()
                            .document(input.getQuery())
                            .parserOptions(DocumentLimits.PARSER_OPTIONS)
                            .locale(locale)
                            .build());
        } catch (ParseCancelledException
                | ParseCancelledTooDeepException
                | ParseCancelledTooManyCharsException
                | ParseCancelledTooManyNumericLiteralCharactersException ex) {
            return new PreparsedDocumentEntry(DocumentLimits.refusal(ex.getMessage()));
        } catch (InvalidSyntaxException ex) {
            return new PreparsedDocumentEntry(ex.toInvalidSyntaxError());
        }
        DocumentLimits.Operations operations = DocumentLimits.operations(document);
        String refusal = operations.refusal();
        if (refusal != null) {
            return new PreparsedDocumentEntry(DocumentLimits.refusal(refusal));
        }
        List<ValidationError> errors =
                ParseAndValidate.validate(graphQl.getObject().schema(), document, locale);
        if (!errors.isEmpty()) {
            return new PreparsedDocumentEntry(document, errors);
        }
        if (operations.wellWithin(QueryLimits.MAX_DEPTH, QueryLimits.MAX_COMPLEXITY)) {
            wellWithinQueryLimits.add(document);
        }
        return new PreparsedDocumentEntry(document);
    }
}

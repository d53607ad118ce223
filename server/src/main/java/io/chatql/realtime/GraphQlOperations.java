package io.chatql.realtime;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the GraphQL operations of real-time connections through the same handler chain as HTTP, as the
 * connection's user, and serializes their results.
 */
@Component
class GraphQlOperations {

    private final WebGraphQlHandler handler;

    private final JsonMapper json;

    private final AtomicLong serialized = new AtomicLong();

    GraphQlOperations(WebGraphQlHandler handler, JsonMapper json) {
        this.handler = handler;
        this.json = json;
    }

    /**
     * The serialized results of the operation: one for a query or mutation, one per event for a
     * subscription, run in {@code mode}. A subscription that fails ends with an {@link OperationFailed}
     * holding the serialized errors.
     */
    Flux<Result> execute(
            HandshakeInfo handshake, String id, Map<String, Object> body, Authentication user, SubscriptionMode mode) {
        return execute(handshake, id, body, user, mode, () -> {});
    }

    /** Like {@link #execute}, calling {@code listening} once a live subscription listens to its events. */
    Flux<Result> execute(
            HandshakeInfo handshake,
            String id,
            Map<String, Object> body,
            Authentication user,
            SubscriptionMode mode,
            Runnable listening) {
        WebGraphQlRequest request;
        try {
            request = new WebGraphQlRequest(
                    withoutQuery(handshake.getUri()),
                    handshake.getHeaders(),
                    handshake.getCookies(),
                    handshake.getRemoteAddress(),
                    handshake.getAttributes(),
                    body,
                    id,
                    null);
        } catch (ServerWebInputException ex) {
            return Flux.error(new OperationFailed(errors(List.of(badRequest(ex.getReason())))));
        }
        Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        request.configureExecutionInput((input, builder) -> {
            mode.applyTo(
                    input.getGraphQLContext(),
                    position -> arrivals.add(new Arrival(position, System.nanoTime())),
                    listening);
            return input;
        });
        return handler.handleRequest(request)
                .flatMapMany(response -> response.getData() instanceof Publisher<?> events
                        ? Flux.from(events)
                                .cast(ExecutionResult.class)
                                .map(result -> Result.of(serialize(result.toSpecification()), arrivals.poll()))
                        : Flux.just(Result.of(serialize(response.toMap()), null)))
                .onErrorMap(SubscriptionPublisherException.class, ex -> new OperationFailed(errors(ex.getErrors())))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(user));
    }

    /** How many results have been serialized since start: once per event for a whole group. */
    long resultsSerialized() {
        return serialized.get();
    }

    private String serialize(Map<String, Object> result) {
        serialized.incrementAndGet();
        return json.writeValueAsString(result);
    }

    /**
     * The endpoint's URI without its query, which holds credentials (AppSync's {@code header}) and is not
     * part of the GraphQL request.
     */
    private static URI withoutQuery(URI uri) {
        return UriComponentsBuilder.fromUri(uri).replaceQuery(null).build().toUri();
    }

    /** The serialized form of a list of errors. */
    String errors(List<GraphQLError> errors) {
        return json.writeValueAsString(
                errors.stream().map(GraphQLError::toSpecification).toList());
    }

    static GraphQLError badRequest(String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .build();
    }

    /** A client error of the given type, such as expired credentials or a subscription that fell behind. */
    static GraphQLError of(ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError().errorType(type).message(message).build();
    }

    static GraphQLError internalError() {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("The operation failed on the server")
                .build();
    }

    /**
     * One serialized result, with the position of the event it is about and when that event reached
     * this node, in {@link System#nanoTime()}; both {@link #NOT_AN_EVENT} when it is not about an event.
     */
    record Result(String json, long position, long receivedAt) {

        static final long NOT_AN_EVENT = Long.MIN_VALUE;

        /** The result about {@code event}, the next event that reached the operation, if any. */
        static Result of(String json, @Nullable Arrival event) {
            return event == null
                    ? new Result(json, NOT_AN_EVENT, NOT_AN_EVENT)
                    : new Result(json, event.position(), event.receivedAt());
        }
    }

    /** An event that reached an operation: results come in the order of their events. */
    private record Arrival(long position, long receivedAt) {}

    /** An operation ended with errors, already serialized. */
    static final class OperationFailed extends RuntimeException {

        private final String errors;

        OperationFailed(String errors) {
            super("Operation failed: " + errors, null, false, false);
            this.errors = errors;
        }

        String errors() {
            return errors;
        }
    }
}

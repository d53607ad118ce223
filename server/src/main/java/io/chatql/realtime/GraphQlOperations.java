package io.chatql.realtime;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

    GraphQlOperations(WebGraphQlHandler handler, JsonMapper json) {
        this.handler = handler;
        this.json = json;
    }

    /**
     * The serialized results of the operation: one for a query or mutation, one per event for a
     * subscription. A subscription that fails ends with an {@link OperationFailed} holding the
     * serialized errors.
     */
    Flux<String> execute(HandshakeInfo handshake, String id, Map<String, Object> body, Authentication user) {
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
        return handler.handleRequest(request)
                .flatMapMany(response -> response.getData() instanceof Publisher<?> events
                        ? Flux.from(events)
                                .cast(ExecutionResult.class)
                                .map(result -> json.writeValueAsString(result.toSpecification()))
                        : Flux.just(json.writeValueAsString(response.toMap())))
                .onErrorMap(SubscriptionPublisherException.class, ex -> new OperationFailed(errors(ex.getErrors())))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(user));
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

    static GraphQLError unauthorized(String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.UNAUTHORIZED)
                .message(message)
                .build();
    }

    static GraphQLError internalError() {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("The operation failed on the server")
                .build();
    }

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

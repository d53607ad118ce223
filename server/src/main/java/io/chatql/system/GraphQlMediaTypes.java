package io.chatql.system;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.webflux.GraphQlRequestPredicates;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Refuses a {@code POST /graphql} that Spring for GraphQL does not serve by saying which header is
 * wrong: 415 for a body that is not JSON, 406 for an {@code Accept} header that takes none of the
 * answers. Spring Boot answers both with an empty 415; these are rendered as {@link
 * FrameworkRefusals}, like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlMediaTypes {

    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    private static final List<MediaType> READ = List.of(MediaType.APPLICATION_JSON, APPLICATION_GRAPHQL);

    private static final List<MediaType> ANSWERED =
            List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);

    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlMediaTypeRefusals(@Value("${spring.graphql.http.path}") String path) {
        RequestPredicate served =
                GraphQlRequestPredicates.graphQlHttp(path).or(GraphQlRequestPredicates.graphQlSse(path));
        return RouterFunctions.route(RequestPredicates.POST(path).and(served.negate()), GraphQlMediaTypes::refuse);
    }

    private static Mono<ServerResponse> refuse(ServerRequest request) {
        MediaType contentType = request.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (READ.stream().anyMatch(type -> type.includes(contentType))) {
            return Mono.error(new NotAcceptableStatusException(ANSWERED));
        }
        return Mono.error(new UnsupportedMediaTypeStatusException(contentType, READ));
    }
}

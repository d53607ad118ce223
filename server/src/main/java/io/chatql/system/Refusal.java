package io.chatql.system;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal written by a web filter, before any endpoint is reached, as {@link RestErrorMapping}
 * answers the same {@link RequestRefusedException} from an endpoint.
 */
record Refusal(HttpStatusCode status, byte[] body) {

    static Refusal of(RequestRefusedException refusal, JsonMapper json) {
        return new Refusal(refusal.status(), json.writeValueAsBytes(RestErrorMapping.Body.of(refusal)));
    }

    Mono<Void> writeTo(ServerHttpResponse response) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}

package io.chatql.analytics;

import io.chatql.system.BlockingWork;
import io.chatql.system.BodyTooLargeException;
import io.chatql.system.RequestRefusedException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /analytics/events}: the events a signed-in client recorded, in batches. A body that is not
 * JSON is refused with the shape expected, and one over 1 MB sent without a length as the server refuses
 * larger bodies; the refusals are answered by system's REST error mapping.
 */
@RestController
class ClientEventController {

    private final ClientEvents events;

    private final BlockingWork blocking;

    ClientEventController(ClientEvents events, BlockingWork blocking) {
        this.events = events;
        this.blocking = blocking;
    }

    @PostMapping("/analytics/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> record(@RequestBody Mono<JsonNode> batch, Principal caller) {
        return batch.onErrorMap(ServerWebInputException.class, ex -> unreadable())
                .onErrorMap(ContentTooLargeException.class, ex -> new BodyTooLargeException())
                .flatMap(read -> blocking.of(() -> new Accepted(events.accept(caller.getName(), read))));
    }

    private static RequestRefusedException unreadable() {
        return new RequestRefusedException(
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "the request body must be a JSON object {\"events\": [...]}");
    }

    record Accepted(int accepted) {}
}

package io.chatql.analytics;

import io.chatql.system.BlockingWork;
import io.chatql.system.Inputs;
import io.chatql.system.RequestRefusedException;
import io.chatql.system.RestErrorMapping;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /analytics/events}: the events a signed-in client recorded, in batches. Refusals are
 * answered by {@link RestErrorMapping}; this endpoint's own handler answers a body that is not JSON with
 * the shape expected.
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
    Mono<Accepted> record(@RequestBody JsonNode batch, Principal caller) {
        requireStorable(batch);
        return blocking.of(() -> new Accepted(events.accept(caller.getName(), batch)));
    }

    /** Refuses a batch holding, in any name or string, text that is not {@link Inputs#isStorable storable}. */
    private static void requireStorable(JsonNode batch) {
        Deque<JsonNode> nodes = new ArrayDeque<>(List.of(batch));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.isString()) {
                Inputs.requireStorable("events", node.stringValue());
            }
            node.properties().forEach(property -> Inputs.requireStorable("events", property.getKey()));
            nodes.addAll(node.values());
        }
    }

    @ExceptionHandler
    ResponseEntity<RestErrorMapping.Body> unreadableBody(ServerWebInputException ex) {
        return RestErrorMapping.refused(new RequestRefusedException(
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "the request body must be a JSON object {\"events\": [...]}"));
    }

    record Accepted(int accepted) {}
}

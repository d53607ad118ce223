package io.chatql.analytics;

import io.chatql.system.BlockingWork;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /analytics/events}: the events a signed-in client recorded, in batches. Errors are
 * answered by {@link ClientEventErrors}.
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
        return blocking.of(() -> new Accepted(events.accept(caller.getName(), batch)));
    }

    record Accepted(int accepted) {}
}

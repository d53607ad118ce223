package io.chatql.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Hooks;

/**
 * Logs the errors Reactor drops because no one waits for them any more, as when a client stops an
 * operation, or closes its connection, while the operation's database work still runs. Reactor logs
 * each at ERROR with its stack trace; a client's mistake, such as naming a conversation that does
 * not exist, is logged here at DEBUG, and a fault of the server as a one-line WARN.
 */
@Component
class DroppedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DroppedErrors.class);

    DroppedErrors() {
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    static void log(Throwable dropped) {
        if (ErrorTypes.of(dropped) != null) {
            LOG.debug("Dropped an error no one waited for: {}", dropped.getMessage());
        } else {
            LOG.warn("Dropped an error no one waited for: {}", String.valueOf(dropped));
        }
    }
}

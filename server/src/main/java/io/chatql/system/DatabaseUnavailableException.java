package io.chatql.system;

import org.springframework.http.HttpStatus;

/**
 * The database could not be reached, or a connection to it broke, so nothing was stored: UNAVAILABLE
 * over GraphQL, 503 over REST. The client retries after a short backoff; posting is idempotent on the
 * message id, so a post whose answer was lost is not stored twice.
 */
public class DatabaseUnavailableException extends RequestRefusedException {

    private static final String MESSAGE = "The service is briefly unavailable; retry";

    private static final long RETRY_AFTER_SECONDS = 2;

    DatabaseUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", MESSAGE, RETRY_AFTER_SECONDS);
    }
}

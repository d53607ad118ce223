package io.chatql.system;

import org.springframework.http.HttpStatus;

/**
 * The database could not be reached, or a connection to it broke: UNAVAILABLE over GraphQL, 503 over
 * REST. The transaction was rolled back, or committed just before the connection broke; the client
 * retries after a short backoff, and as posting is idempotent on the message id, a post is stored once.
 */
public class DatabaseUnavailableException extends RequestRefusedException {

    private static final String MESSAGE = "The service is briefly unavailable; retry";

    private static final long RETRY_AFTER_SECONDS = 2;

    DatabaseUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", MESSAGE, RETRY_AFTER_SECONDS);
    }
}

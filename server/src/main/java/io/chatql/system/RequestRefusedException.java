package io.chatql.system;

import java.util.OptionalLong;
import org.springframework.http.HttpStatus;

/**
 * A refusal that says its own REST answer: the HTTP status, a stable error code for programs, the
 * message for people and, when trying again later may succeed, the seconds to wait. Features extend it
 * for the refusals that {@link RestErrorMapping} cannot know of, such as a wrong confirmation code.
 */
public class RequestRefusedException extends RuntimeException {

    private final HttpStatus status;

    private final String error;

    private final OptionalLong retryAfterSeconds;

    public RequestRefusedException(HttpStatus status, String error, String message) {
        this(status, error, message, OptionalLong.empty());
    }

    /** A refusal to be tried again after {@code retryAfterSeconds}, answered in {@code Retry-After}. */
    public RequestRefusedException(HttpStatus status, String error, String message, long retryAfterSeconds) {
        this(status, error, message, OptionalLong.of(retryAfterSeconds));
    }

    private RequestRefusedException(HttpStatus status, String error, String message, OptionalLong retryAfterSeconds) {
        super(message);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

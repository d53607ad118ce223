package io.chatql.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How the REST endpoints refuse a request: JSON {@code {"error", "message"}}, never a stack trace. */
public final class ErrorAnswers {

    private ErrorAnswers() {}

    /** The body of a refusal: a stable code for programs, and a sentence for people. */
    public record Body(String error, String message) {}

    public static ResponseEntity<Body> of(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new Body(error, message));
    }

    /** 429, with the seconds to wait before trying again in {@code Retry-After}. */
    public static ResponseEntity<Body> tooManyRequests(long retryAfterSeconds, String error, String message) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(new Body(error, message));
    }
}

package io.chatql.system;

import org.springframework.http.HttpStatus;

/**
 * A request body over {@link #MAX_BYTES}, 1 MB: 413 {@code payload_too_large}. {@link RequestSizeLimit}
 * answers so every request whose body is, or turns out to be while it is read, larger.
 */
public class BodyTooLargeException extends RequestRefusedException {

    /**
     * The most a client may send at once: a request body on every HTTP endpoint, and a message on a
     * real-time connection.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    public BodyTooLargeException() {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the request body must be at most 1 MB");
    }
}

package io.chatql.system;

import org.springframework.http.HttpStatus;

/**
 * A request body over 1 MB: 413 {@code payload_too_large}. {@link RequestSizeLimit} answers so the
 * bodies declared larger; an endpoint answers so those sent without a length.
 */
public class BodyTooLargeException extends RequestRefusedException {

    public BodyTooLargeException() {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the request body must be at most 1 MB");
    }
}

package io.chatql.analytics;

import io.chatql.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** A batch of client events with a bad one, or none: 400 {@code invalid_event}, saying which and why. */
class InvalidEventException extends RequestRefusedException {

    InvalidEventException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid_event", message);
    }
}

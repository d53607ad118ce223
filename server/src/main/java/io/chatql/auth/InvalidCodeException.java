package io.chatql.auth;

import io.chatql.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** A code that is wrong, expired, used up or never sent: 400 {@code invalid_code}. */
class InvalidCodeException extends RequestRefusedException {

    InvalidCodeException() {
        super(HttpStatus.BAD_REQUEST, "invalid_code", "the code is wrong or no longer valid; ask for a new one");
    }
}

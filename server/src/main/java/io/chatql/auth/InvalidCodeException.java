package io.chatql.auth;

/** A code that is wrong, expired, used up or never sent: 400 {@code invalid_code}. */
class InvalidCodeException extends RuntimeException {

    InvalidCodeException() {
        super("the code is wrong or no longer valid; ask for a new one");
    }
}

package io.chatql.system;

/** The request clashes with what is stored, such as a taken username: BAD_REQUEST or HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

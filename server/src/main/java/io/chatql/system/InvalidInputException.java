package io.chatql.system;

/** The request is malformed or breaks a rule of the API: answered as BAD_REQUEST or HTTP 400. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}

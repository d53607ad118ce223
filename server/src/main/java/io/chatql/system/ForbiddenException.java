package io.chatql.system;

/** The caller is known but may not do this: answered as FORBIDDEN or HTTP 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

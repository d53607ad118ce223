package io.chatql.system;

/**
 * The thing does not exist, or the caller may not know that it does: answered as NOT_FOUND, so that a
 * non-member learns nothing about a conversation.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

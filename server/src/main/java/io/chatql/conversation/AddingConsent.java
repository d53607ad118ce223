package io.chatql.conversation;

/**
 * Whether a user consents to be added to a conversation by another: a rule of a feature above this
 * one, which implements it (in {@code safety}, no one consents to be added by a user they blocked).
 */
public interface AddingConsent {

    /** Whether {@code userId} may be added to a conversation by {@code addedBy}; blocks on the database. */
    boolean consents(String userId, String addedBy);
}

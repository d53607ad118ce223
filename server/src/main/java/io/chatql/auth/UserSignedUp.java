package io.chatql.auth;

/** An account was signed up with the built-in identity; published within the sign-up's transaction. */
public record UserSignedUp(String userId) {}

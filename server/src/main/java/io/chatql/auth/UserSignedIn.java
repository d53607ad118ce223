package io.chatql.auth;

/** A user signed in with a correct username and password. */
public record UserSignedIn(String userId) {}

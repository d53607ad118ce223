package io.chatql.user;

/**
 * The settings of one user, served as the type {@code Settings}: each feature adds the fields of its
 * own, read for {@code userId}; no one is served another's.
 */
public record Settings(String userId) {}

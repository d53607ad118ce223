package io.chatql.support;

/** A signed-in test user. */
public record Account(String userId, String username, String accessToken, String refreshToken) {}

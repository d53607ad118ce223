package io.chatql.auth;

/**
 * An API key as administrators see it, without the key itself.
 *
 * @param userId the bot user the key acts as
 * @param createdAt when it was made, as an ISO-8601 instant
 * @param expiresAt when it stops being accepted, as an ISO-8601 instant
 */
record ApiKey(String id, String name, String userId, String createdAt, String expiresAt, boolean revoked) {}

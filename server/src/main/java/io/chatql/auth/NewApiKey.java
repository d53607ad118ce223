package io.chatql.auth;

/** A key just made: the only time the key itself is shown. */
record NewApiKey(ApiKey apiKey, String key) {}

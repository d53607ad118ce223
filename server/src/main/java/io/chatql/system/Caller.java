package io.chatql.system;

/**
 * The user a GraphQL operation runs as, a parameter of the controller methods that need it. It is
 * taken from the request's authentication once per operation ({@link CallerInterceptor}) and handed
 * to each data fetcher from the operation's context ({@link CallerArgumentResolver}).
 */
public record Caller(String id) {}

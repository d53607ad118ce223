package io.chatql.live;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Redis that connects the nodes is, in Spring's usual {@code spring.data.redis.*} settings
 * ({@code REDIS_URL} sets the url). With neither url nor host, there is no Redis and events stay on
 * this node.
 *
 * @param url a {@code redis://} or {@code rediss://} URL, which wins over host and port
 * @param host the Redis host
 * @param port the Redis port
 */
@ConfigurationProperties("spring.data.redis")
record RedisSettings(
        @Nullable String url,
        @Nullable String host,
        @DefaultValue("6379") int port) {

    boolean configured() {
        return hasText(url) || hasText(host);
    }

    String uri() {
        return hasText(url) ? url : "redis://" + host + ":" + port;
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}

package io.chatql.live;

import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays events over Redis when Redis is configured; otherwise events stay on this node. Decided
 * when the server starts rather than by a condition, which a build ahead of time would fix.
 */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    private static final Duration REDIS_HEALTH_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    RedisEventRelay redisEventRelay(
            RedisSettings settings, LiveProperties live, LiveEvents events, LiveEventTypes types, JsonMapper json) {
        return new RedisEventRelay(settings, live, events, new RelayFormat(types, json));
    }

    /** Readiness includes Redis when the nodes relay their events over it. */
    @Bean
    SmartInitializingSingleton redisReadiness(
            RedisSettings settings, RedisEventRelay relay, HealthContributorRegistry health) {
        return () -> {
            if (settings.configured()) {
                health.registerContributor("redis", redisHealth(relay));
            }
        };
    }

    private static HealthIndicator redisHealth(RedisEventRelay relay) {
        return () -> relay.reachable(REDIS_HEALTH_TIMEOUT)
                ? Health.up().build()
                : Health.down().withDetail("reason", "Redis does not answer").build();
    }
}

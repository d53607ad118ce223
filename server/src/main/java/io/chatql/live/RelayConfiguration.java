package io.chatql.live;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/** Relays events over Redis when Redis is configured; otherwise events stay on this node. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    private static final Duration REDIS_HEALTH_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    @Conditional(RedisConfigured.class)
    RedisEventRelay redisEventRelay(
            RedisSettings settings, LiveProperties live, LiveEvents events, LiveEventTypes types, JsonMapper json) {
        return new RedisEventRelay(settings, live, events, new RelayFormat(types, json));
    }

    /** Readiness includes Redis when the nodes relay their events over it. */
    @Bean("redis")
    @Conditional(RedisConfigured.class)
    HealthIndicator redisHealthIndicator(RedisEventRelay relay) {
        return () -> relay.reachable(REDIS_HEALTH_TIMEOUT)
                ? Health.up().build()
                : Health.down().withDetail("reason", "Redis does not answer").build();
    }

    static class RedisConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("spring.data.redis", RedisSettings.class)
                    .map(RedisSettings::configured)
                    .orElse(false);
        }
    }
}

package io.chatql.realtime;

import org.springframework.boot.context.properties.bind.Binder;
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

    @Bean
    @Conditional(RedisConfigured.class)
    RedisEventRelay redisEventRelay(
            RedisSettings settings, RealtimeProperties realtime, LiveEvents events, JsonMapper json) {
        return new RedisEventRelay(settings, realtime, events, json);
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

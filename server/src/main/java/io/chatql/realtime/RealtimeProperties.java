package io.chatql.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of live delivery.
 *
 * @param redisChannel the Redis pub/sub channel on which the nodes relay events to each other
 */
@ConfigurationProperties("chatql.realtime")
record RealtimeProperties(@DefaultValue("chatql:events") String redisChannel) {}

package io.chatql.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event bus. They keep the {@code chatql.realtime} prefix they were first configured
 * under, beside the settings of the real-time connections.
 *
 * @param redisChannel the Redis pub/sub channel on which the nodes relay events to each other
 * @param subscriberWait the longest a post waits, after its commit, for the subscriptions of its
 *     conversation on this node that have fallen behind
 */
@ConfigurationProperties("chatql.realtime")
record LiveProperties(
        @DefaultValue("chatql:events") String redisChannel,
        @DefaultValue("1s") Duration subscriberWait) {}

package io.chatql.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long analytics are kept.
 *
 * @param retention how long each event is kept; older ones are purged daily
 * @param aggregateRetention how long the hourly counts and the daily active users are kept: by default
 *     the longest range a query covers, 400 days, plus the 30 days monthly active users look back
 */
@ConfigurationProperties("chatql.analytics")
record AnalyticsProperties(
        @DefaultValue("90d") Duration retention,
        @DefaultValue("430d") Duration aggregateRetention) {}

package io.chatql.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the roll-up every minute and the purge daily. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsScheduling {}

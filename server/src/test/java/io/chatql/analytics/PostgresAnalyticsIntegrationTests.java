package io.chatql.analytics;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresAnalyticsIntegrationTests extends AnalyticsIntegrationTests {}

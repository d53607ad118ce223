package io.chatql.timeline;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresTimelineIntegrationTests extends TimelineIntegrationTests {}

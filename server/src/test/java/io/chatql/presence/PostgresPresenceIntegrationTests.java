package io.chatql.presence;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresPresenceIntegrationTests extends PresenceIntegrationTests {}

package io.chatql.moderation;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresMessageReportsIntegrationTests extends MessageReportsIntegrationTests {}

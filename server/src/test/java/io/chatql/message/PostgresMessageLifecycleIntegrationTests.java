package io.chatql.message;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresMessageLifecycleIntegrationTests extends MessageLifecycleIntegrationTests {}

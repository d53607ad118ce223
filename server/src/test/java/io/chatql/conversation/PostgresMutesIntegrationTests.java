package io.chatql.conversation;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresMutesIntegrationTests extends MutesIntegrationTests {}

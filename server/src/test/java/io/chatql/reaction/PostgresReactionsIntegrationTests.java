package io.chatql.reaction;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresReactionsIntegrationTests extends ReactionsIntegrationTests {}

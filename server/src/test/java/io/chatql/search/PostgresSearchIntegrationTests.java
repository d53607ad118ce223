package io.chatql.search;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresSearchIntegrationTests extends SearchIntegrationTests {}

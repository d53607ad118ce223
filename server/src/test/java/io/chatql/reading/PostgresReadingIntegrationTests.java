package io.chatql.reading;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresReadingIntegrationTests extends ReadingIntegrationTests {}

package io.chatql.fuzz;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresHttpFuzzIntegrationTests extends HttpFuzzIntegrationTests {}

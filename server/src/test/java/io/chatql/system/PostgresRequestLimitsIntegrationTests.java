package io.chatql.system;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresRequestLimitsIntegrationTests extends RequestLimitsIntegrationTests {}

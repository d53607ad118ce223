package io.chatql.safety;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresBlocksIntegrationTests extends BlocksIntegrationTests {}

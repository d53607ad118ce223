package io.chatql.auth;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresDisabledAccountsIntegrationTests extends DisabledAccountsIntegrationTests {}

package io.chatql.auth;

import io.chatql.support.PostgresDatabase;
import io.chatql.support.UnreachableMailServer;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = {PostgresDatabase.class, UnreachableMailServer.class})
class PostgresUnreachableMailIntegrationTests extends UnreachableMailIntegrationTests {}

package io.chatql.realtime;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresDisabledAccountConnectionsIntegrationTests extends DisabledAccountConnectionsIntegrationTests {}

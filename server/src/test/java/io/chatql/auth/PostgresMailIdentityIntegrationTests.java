package io.chatql.auth;

import io.chatql.support.MailServer;
import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = {PostgresDatabase.class, MailServer.class})
class PostgresMailIdentityIntegrationTests extends MailIdentityIntegrationTests {}

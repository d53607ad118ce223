package io.chatql.auth;

import io.chatql.support.H2Database;
import io.chatql.support.MailServer;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = {H2Database.class, MailServer.class})
class H2MailIdentityIntegrationTests extends MailIdentityIntegrationTests {}

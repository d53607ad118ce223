package io.chatql.auth;

import io.chatql.support.H2Database;
import io.chatql.support.UnreachableMailServer;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = {H2Database.class, UnreachableMailServer.class})
class H2UnreachableMailIntegrationTests extends UnreachableMailIntegrationTests {}

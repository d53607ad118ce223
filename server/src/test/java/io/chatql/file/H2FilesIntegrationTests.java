package io.chatql.file;

import io.chatql.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class H2FilesIntegrationTests extends FilesIntegrationTests {}

package io.chatql.file;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresFilesIntegrationTests extends FilesIntegrationTests {}

package io.chatql.typing;

import io.chatql.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PostgresTypingIntegrationTests extends TypingIntegrationTests {}

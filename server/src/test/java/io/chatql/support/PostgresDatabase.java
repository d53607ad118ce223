package io.chatql.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at the shared {@link TestPostgres} server. */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Server server = TestPostgres.server();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-postgres",
                        Map.of(
                                "spring.datasource.url", server.url(),
                                "spring.datasource.username", server.username(),
                                "spring.datasource.password", server.password())));
    }
}

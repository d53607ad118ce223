package io.chatql.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at an in-memory H2 database that lives as long as the JVM. */
public class H2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-h2", Map.of("spring.datasource.url", "jdbc:h2:mem:chatql-tests;DB_CLOSE_DELAY=-1")));
    }
}

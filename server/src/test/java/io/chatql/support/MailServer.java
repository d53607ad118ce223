package io.chatql.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at the shared {@link TestMailServer}, so that it sends mail. */
public class MailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String FROM = "chatql@example.com";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-mail",
                        Map.of(
                                "spring.mail.host",
                                "127.0.0.1",
                                "spring.mail.port",
                                TestMailServer.port(),
                                "chatql.auth.mail.from",
                                FROM)));
    }
}

package io.chatql;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Lets a start use the context that the build prepared ahead of time (the README's start command
 * asks for it with {@code spring.aot.enabled}) only when it would run as configured. The build
 * decided, on the packaged settings alone, every condition of Spring Boot's auto-configuration: which
 * beans exist, such as a mail sender or a separate management server. A setting given at start that
 * such a condition reads would be ignored by that context, so when one is given, this start prepares
 * its context as the plain jar does, a second or so slower. ChatQL's own settings, the port and
 * address, TLS, the database and Redis are read at run time and keep the prepared context.
 */
public class AheadOfTimeStart implements EnvironmentPostProcessor, Ordered {

    /** The settings that Spring Boot's conditions may read. */
    private static final List<ConfigurationPropertyName> FRAMEWORK_SETTINGS =
            names("spring", "server", "management", "debug", "trace");

    /** Those of them that only give values, read when the beans are made. */
    private static final List<ConfigurationPropertyName> READ_AT_RUN_TIME = names(
            AotDetector.AOT_ENABLED,
            "spring.context.exit",
            "spring.application",
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.data.redis",
            "server.port",
            "server.address",
            "server.ssl");

    private final Log log;

    public AheadOfTimeStart(DeferredLogFactory logs) {
        this.log = logs.getLog(AheadOfTimeStart.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        settingDecidedAtBuild(environment).ifPresent(setting -> {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
            log.info("Preparing the application context at start rather than using the build's: " + setting
                    + " is set, and settings like it decide which parts of the server run");
        });
    }

    /** A setting given to this start that the build's conditions would have read differently. */
    static Optional<ConfigurationPropertyName> settingDecidedAtBuild(ConfigurableEnvironment environment) {
        return environment.getPropertySources().stream()
                .filter(source -> !packaged(source))
                .flatMap(source -> StreamSupport.stream(
                        ConfigurationPropertySources.from(source).spliterator(), false))
                .filter(IterableConfigurationPropertySource.class::isInstance)
                .flatMap(source -> ((IterableConfigurationPropertySource) source).stream())
                .filter(name -> within(FRAMEWORK_SETTINGS, name) && !within(READ_AT_RUN_TIME, name))
                .findFirst();
    }

    /** The settings packaged with the server, which the build read too. */
    private static boolean packaged(PropertySource<?> source) {
        return ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                || source.getName().contains("class path resource [application.properties]");
    }

    private static boolean within(List<ConfigurationPropertyName> prefixes, ConfigurationPropertyName name) {
        return prefixes.stream().anyMatch(prefix -> prefix.equals(name) || prefix.isAncestorOf(name));
    }

    private static List<ConfigurationPropertyName> names(String... names) {
        return List.of(names).stream().map(ConfigurationPropertyName::of).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

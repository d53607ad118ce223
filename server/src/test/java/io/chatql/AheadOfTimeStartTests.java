package io.chatql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AheadOfTimeStartTests {

    @Test
    void thePackagedSettingsKeepThePreparedContext() {
        ConfigurableEnvironment environment = environment(new MapPropertySource(
                "Config resource 'class path resource [application.properties]' via location 'optional:classpath:/'",
                Map.of("management.endpoints.web.exposure.include", "health,prometheus")));

        assertThat(AheadOfTimeStart.settingDecidedAtBuild(environment)).isEmpty();
    }

    @Test
    void theSettingsReadAtRunTimeKeepThePreparedContext() {
        ConfigurableEnvironment environment = environment(
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/chatql",
                                "SPRING_DATASOURCE_PASSWORD", "secret",
                                "SPRING_DATA_REDIS_URL", "redis://redis:6379",
                                "SERVER_SSL_ENABLED", "true",
                                "CHATQL_AUTH_PUBLIC_BASE_URL", "https://chat.example.com",
                                "PATH", "/usr/bin")),
                commandLine(Map.of("server.port", "8081", "chatql.data-dir", "/srv/chatql")),
                new MapPropertySource("applicationInfo", Map.of("spring.application.version", "1.0")));

        assertThat(AheadOfTimeStart.settingDecidedAtBuild(environment)).isEmpty();
    }

    @Test
    void aMailServerGivenAtStartIsASettingTheBuildDecided() {
        ConfigurableEnvironment environment = environment(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("SPRING_MAIL_HOST", "smtp")));

        assertThat(AheadOfTimeStart.settingDecidedAtBuild(environment))
                .contains(ConfigurationPropertyName.of("spring.mail.host"));
    }

    @Test
    void aSeparateManagementPortTurnsThePreparedContextOff() {
        ConfigurableEnvironment environment = environment(commandLine(Map.of("management.server.port", "9090")));

        assertThat(usesThePreparedContext(environment)).isFalse();
    }

    @Test
    void withoutSettingsTheBuildDecidedThePreparedContextStaysOn() {
        ConfigurableEnvironment environment = environment(commandLine(Map.of("server.port", "0")));

        assertThat(usesThePreparedContext(environment)).isTrue();
    }

    /** Whether a start asking for the prepared context, with {@code environment}, still uses it. */
    private static boolean usesThePreparedContext(ConfigurableEnvironment environment) {
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
        try {
            new AheadOfTimeStart(new DeferredLogs()).postProcessEnvironment(environment, null);
            return AotDetector.useGeneratedArtifacts();
        } finally {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
        }
    }

    private static PropertySource<?> commandLine(Map<String, Object> settings) {
        return new MapPropertySource("commandLineArgs", settings);
    }

    /** An environment of only {@code sources}, without this test's own system properties. */
    private static ConfigurableEnvironment environment(PropertySource<?>... sources) {
        ConfigurableEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> source : sources) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }
}

package io.chatql.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the application under test over TLS, with a self-signed certificate for 127.0.0.1 made once
 * per JVM by the JDK's keytool, through Spring Boot's {@code server.ssl} settings.
 */
public class SelfSignedTls implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PASSWORD = "test-only";

    private static Path keyStore;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-tls",
                        Map.of(
                                "server.ssl.key-store",
                                keyStore().toUri().toString(),
                                "server.ssl.key-store-password",
                                PASSWORD,
                                "server.ssl.key-store-type",
                                "PKCS12")));
    }

    private static synchronized Path keyStore() {
        if (keyStore == null) {
            try {
                Path dir = Files.createTempDirectory("chatql-tls");
                Path file = dir.resolve("server.p12");
                Process keytool = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "chatql",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                file.toString(),
                                "-storepass",
                                PASSWORD,
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=ip:127.0.0.1,dns:localhost",
                                "-validity",
                                "2")
                        .redirectErrorStream(true)
                        .start();
                String output = new String(keytool.getInputStream().readAllBytes());
                if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keyStore = file;
            } catch (IOException ex) {
                throw new IllegalStateException("Could not make a test certificate", ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while making a test certificate", ex);
            }
        }
        return keyStore;
    }
}

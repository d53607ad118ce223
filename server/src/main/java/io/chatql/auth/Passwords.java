package io.chatql.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class Passwords {

    private static final Logger LOG = LoggerFactory.getLogger(Passwords.class);

    /** The strength below which a stolen hash is cheap to guess at, as OWASP counts it for bcrypt. */
    static final int RECOMMENDED_STRENGTH = 10;

    /** bcrypt: slow on purpose, salted per password, as slow as {@link PasswordProperties#strength} says. */
    @Bean
    PasswordEncoder passwordEncoder(PasswordProperties properties) {
        if (properties.strength() < RECOMMENDED_STRENGTH) {
            LOG.warn(
                    "Passwords are hashed with bcrypt strength {}, below the recommended {}: a stolen hash is cheap to guess at.",
                    properties.strength(),
                    RECOMMENDED_STRENGTH);
        }
        return new BCryptPasswordEncoder(properties.strength());
    }
}

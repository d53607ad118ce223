package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordsTests {

    @Test
    void passwordsAreHashedWithTheConfiguredStrength() {
        PasswordEncoder passwords = new Passwords().passwordEncoder(new PasswordProperties(5));

        assertThat(passwords.encode("correct horse")).startsWith("$2a$05$");
    }

    @Test
    void hashesOfAnotherStrengthStillMatch() {
        String storedAtTen = new BCryptPasswordEncoder(10).encode("correct horse");
        PasswordEncoder passwords = new Passwords().passwordEncoder(new PasswordProperties(4));

        assertThat(passwords.matches("correct horse", storedAtTen)).isTrue();
    }
}

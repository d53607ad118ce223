package io.chatql.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed; see {@link Passwords}.
 *
 * @param strength bcrypt's cost, the base-2 logarithm of its rounds, from 4 to 31: each step doubles
 *     the time a sign-up, a sign-in and a password change take, and a guess of a stolen hash. 10, about
 *     0.1 s of a core; raise it as hardware grows faster. Hashes stored earlier keep the cost they were
 *     made with, and are checked with it
 */
@ConfigurationProperties("chatql.auth.passwords")
record PasswordProperties(@DefaultValue("10") int strength) {}

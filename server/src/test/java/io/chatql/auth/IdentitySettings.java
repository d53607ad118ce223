package io.chatql.auth;

import io.chatql.support.AdjustableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The identity settings of the tests of roles, signing keys and API keys, which share one server: short
 * lifetimes and rotation period, a named administrator, a public base URL, and a clock tests move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(AdjustableClock.Configuration.class)
@TestPropertySource(
        properties = {
            "chatql.auth.access-token-lifetime=10m",
            "chatql.auth.refresh-token-lifetime=2d",
            "chatql.auth.key-rotation-period=1h",
            "chatql.auth.admin-username=" + IdentitySettings.ADMIN,
            "chatql.auth.public-base-url=https://chat.example.com/"
        })
@interface IdentitySettings {

    String ADMIN = "chief";
}

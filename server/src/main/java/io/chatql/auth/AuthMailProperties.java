package io.chatql.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the e-mail that the built-in identity sends through the mail server of {@code
 * spring.mail.*}.
 *
 * @param from the sender of confirmation and password reset codes, such as {@code ChatQL
 *     <no-reply@chat.example.com>}
 */
@ConfigurationProperties("chatql.auth.mail")
record AuthMailProperties(@DefaultValue("chatql@localhost") String from) {}

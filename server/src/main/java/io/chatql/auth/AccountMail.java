package io.chatql.auth;

import io.chatql.system.BlockingWork;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Sends the codes of the built-in identity by e-mail, through the mail server of {@code spring.mail.*}.
 * Without one nothing can be sent, so accounts are confirmed at once and forgotten passwords cannot be
 * reset, as a warning says once at start-up.
 */
@Component
class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    private final @Nullable MailSender sender;

    private final AuthMailProperties properties;

    private final BlockingWork blocking;

    AccountMail(ObjectProvider<MailSender> sender, AuthMailProperties properties, BlockingWork blocking) {
        this.sender = sender.getIfAvailable();
        this.properties = properties;
        this.blocking = blocking;
        if (this.sender == null) {
            LOG.warn("No mail server is configured (spring.mail.host): new accounts are confirmed at once, "
                    + "and forgotten passwords cannot be reset by e-mail.");
        }
    }

    /** Whether a mail server is configured. */
    boolean enabled() {
        return sender != null;
    }

    SimpleMailMessage confirmationCode(String to, String username, String code) {
        return message(
                to,
                "Your ChatQL confirmation code",
                "Hello " + username + ",\n\nyour code to confirm your ChatQL account is " + code + ".\n"
                        + "It is valid for " + VerificationCodes.LIFETIME.toMinutes() + " minutes.\n");
    }

    SimpleMailMessage passwordResetCode(String to, String username, String code) {
        return message(
                to,
                "Your ChatQL password reset code",
                "Hello " + username + ",\n\nyour code to set a new ChatQL password is " + code + ".\n"
                        + "It is valid for " + VerificationCodes.LIFETIME.toMinutes() + " minutes. "
                        + "If you did not ask for it, ignore this mail: your password stays as it is.\n");
    }

    /** Sends {@code message} now; a failure is thrown as a {@code MailException}. */
    void send(SimpleMailMessage message) {
        if (sender == null) {
            throw new IllegalStateException("No mail server is configured");
        }
        sender.send(message);
    }

    /**
     * Runs {@code composing} and sends the mail it makes, if any, on the blocking pool. The caller
     * answers at once, so that its time shows neither the database work nor the mail server, and tells
     * nothing of whether a mail was sent; a failure is logged.
     */
    void sendInBackground(Supplier<Optional<SimpleMailMessage>> composing) {
        blocking.run(() -> composing.get().ifPresent(this::send))
                .subscribe(null, error -> LOG.error("Could not send an identity e-mail", error));
    }

    private SimpleMailMessage message(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        return message;
    }
}

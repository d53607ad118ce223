package io.chatql.auth;

import io.chatql.system.InvalidInputException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * New passwords: a forgotten one reset by a code sent by e-mail, or one changed by its signed-in user.
 * A new password revokes every refresh token of its user. New passwords are hashed outside the
 * transactions, which so hold no connection during the slow hash.
 */
@Service
class PasswordChanges {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChanges.class);

    private final UserRepository users;

    private final CredentialRepository credentials;

    private final VerificationCodes codes;

    private final RefreshTokens refreshTokens;

    private final AccountMail mail;

    private final PasswordEncoder passwords;

    private final TransactionOperations transaction;

    private final AttemptLimits limits;

    PasswordChanges(
            UserRepository users,
            CredentialRepository credentials,
            VerificationCodes codes,
            RefreshTokens refreshTokens,
            AccountMail mail,
            PasswordEncoder passwords,
            TransactionOperations transaction,
            AttemptLimits limits) {
        this.users = users;
        this.credentials = credentials;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.mail = mail;
        this.passwords = passwords;
        this.transaction = transaction;
        this.limits = limits;
    }

    /**
     * Mails a password reset code, replacing the last one (see {@link VerificationCodes#reissue}), when
     * {@code username} has a confirmed account; otherwise does nothing, and the caller learns nothing of
     * which it was, neither from the answer nor from its time: all this happens after the answer.
     * Without a mail server no code can be sent; that was said once, at start-up (see {@link
     * AccountMail}), and each such request is logged at DEBUG only, since anyone can send it.
     */
    void forgot(@Nullable String username) {
        if (username == null) {
            throw new InvalidInputException("username is required");
        }
        if (!mail.enabled()) {
            LOG.debug("A password reset code was asked for, but no mail server is configured to send it.");
            return;
        }
        mail.sendInBackground(() -> users.findByUsername(username)
                .flatMap(user -> credentials
                        .find(user.id())
                        .filter(CredentialRepository.Credential::confirmed)
                        .flatMap(credential -> transaction
                                .execute(status -> codes.reissue(user.id(), VerificationCodes.Purpose.RESET_PASSWORD))
                                .map(code -> mail.passwordResetCode(credential.email(), user.username(), code)))));
    }

    /**
     * Sets {@code newPassword} when {@code code} is the live reset code of {@code username}; refuses a
     * wrong code with one attempt fewer, and any other case with the same {@link InvalidCodeException},
     * after the same bcrypt hash; refusals count against the client's {@code address}.
     */
    void confirmForgotten(
            @Nullable String username, @Nullable String code, @Nullable String newPassword, String address) {
        if (username == null || code == null) {
            throw new InvalidInputException("username, code and newPassword are required");
        }
        limits.check(null, address);
        String passwordHash = passwords.encode(Accounts.requirePassword(newPassword));
        Optional<User> user = users.findByUsername(username);
        boolean reset = user.isPresent()
                && Boolean.TRUE.equals(transaction.execute(status -> {
                    boolean right = codes.use(user.get().id(), VerificationCodes.Purpose.RESET_PASSWORD, code);
                    if (right) {
                        replacePassword(user.get().id(), passwordHash);
                    }
                    return right;
                }));
        if (!reset) {
            limits.failed(null, address);
            throw new InvalidCodeException();
        }
    }

    /**
     * Sets {@code newPassword} for {@code userId} when {@code oldPassword} is its password; a wrong one
     * counts against the username and the client's {@code address}, as at sign-in.
     */
    void change(String userId, @Nullable String oldPassword, @Nullable String newPassword, String address) {
        if (oldPassword == null) {
            throw new InvalidInputException("oldPassword and newPassword are required");
        }
        Accounts.requirePassword(newPassword);
        User user = users.findById(userId).orElseThrow(PasswordChanges::incorrectPassword);
        limits.check(user.username(), address);
        CredentialRepository.Credential credential =
                credentials.find(userId).orElseThrow(PasswordChanges::incorrectPassword);
        if (!passwords.matches(oldPassword, credential.passwordHash())) {
            limits.failed(user.username(), address);
            throw incorrectPassword();
        }
        limits.succeeded(user.username());
        String passwordHash = passwords.encode(newPassword);
        transaction.executeWithoutResult(status -> replacePassword(userId, passwordHash));
    }

    private void replacePassword(String userId, String passwordHash) {
        credentials.updatePasswordHash(userId, passwordHash);
        refreshTokens.revokeAllOf(userId);
    }

    private static BadCredentialsException incorrectPassword() {
        return new BadCredentialsException("the old password is incorrect");
    }
}

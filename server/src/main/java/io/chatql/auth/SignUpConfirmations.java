package io.chatql.auth;

import io.chatql.system.InvalidInputException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Confirmation of a new account by the code mailed to its e-mail address at sign-up. */
@Service
class SignUpConfirmations {

    private final UserRepository users;

    private final CredentialRepository credentials;

    private final VerificationCodes codes;

    private final AccountMail mail;

    private final TransactionOperations transaction;

    private final AttemptLimits limits;

    SignUpConfirmations(
            UserRepository users,
            CredentialRepository credentials,
            VerificationCodes codes,
            AccountMail mail,
            TransactionOperations transaction,
            AttemptLimits limits) {
        this.users = users;
        this.credentials = credentials;
        this.codes = codes;
        this.mail = mail;
        this.transaction = transaction;
        this.limits = limits;
    }

    /**
     * Confirms the account of {@code username} when {@code code} is its live confirmation code; refuses
     * a wrong code with one attempt fewer, and any other case (unknown user, confirmed account, dead code)
     * with the same {@link InvalidCodeException}, which counts against the client's {@code address}.
     */
    void confirm(@Nullable String username, @Nullable String code, String address) {
        if (username == null || code == null) {
            throw new InvalidInputException("username and code are required");
        }
        limits.check(null, address);
        Optional<User> user = users.findByUsername(username);
        boolean confirmed = user.isPresent()
                && Boolean.TRUE.equals(transaction.execute(status -> {
                    boolean right = codes.use(user.get().id(), VerificationCodes.Purpose.CONFIRM_SIGN_UP, code);
                    if (right) {
                        credentials.confirm(user.get().id());
                    }
                    return right;
                }));
        if (!confirmed) {
            limits.failed(null, address);
            throw new InvalidCodeException();
        }
    }

    /**
     * Mails a new confirmation code, replacing the last one (see {@link VerificationCodes#reissue}), when
     * {@code username} has an unconfirmed account; otherwise does nothing, and the caller learns nothing
     * of which it was, neither from the answer nor from its time: all this happens after the answer.
     */
    void resend(@Nullable String username) {
        if (username == null) {
            throw new InvalidInputException("username is required");
        }
        if (!mail.enabled()) {
            return;
        }
        mail.sendInBackground(() -> users.findByUsername(username)
                .flatMap(user -> credentials
                        .find(user.id())
                        .filter(credential -> !credential.confirmed())
                        .flatMap(credential -> transaction
                                .execute(status -> codes.reissue(user.id(), VerificationCodes.Purpose.CONFIRM_SIGN_UP))
                                .map(code -> mail.confirmationCode(credential.email(), user.username(), code)))));
    }
}

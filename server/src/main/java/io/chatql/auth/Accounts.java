package io.chatql.auth;

import io.chatql.system.InvalidInputException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import io.chatql.user.Usernames;
import io.chatql.user.Users;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-up, sign-in, refresh and sign-out of the built-in identity. With a mail server, a new account is
 * confirmed by a code sent to its e-mail address (see {@link SignUpConfirmations}) before it can sign in.
 */
@Service
class Accounts {

    static final int MIN_PASSWORD_LENGTH = 8;

    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@<>()\\[\\]\\\\,;:\"]+@[^\\s@<>()\\[\\]\\\\,;:\"]+\\.[^\\s@<>()\\[\\]\\\\,;:\".]+");

    private final Users users;

    private final UserRepository userRepository;

    private final CredentialRepository credentials;

    private final RefreshTokens refreshTokens;

    private final AccessTokens accessTokens;

    private final PasswordEncoder passwords;

    private final TransactionOperations transaction;

    private final VerificationCodes codes;

    private final AccountMail mail;

    private final AttemptLimits limits;

    private final AccountRoles roles;

    private final ApplicationEventPublisher events;

    private final DisabledAccountRepository disabledAccounts;

    /**
     * Checked against when the username is unknown, so that both failures take the same time; hashed
     * beside the start rather than within it.
     */
    private final CompletableFuture<String> unknownUserHash;

    Accounts(
            Users users,
            UserRepository userRepository,
            CredentialRepository credentials,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            PasswordEncoder passwords,
            TransactionOperations transaction,
            VerificationCodes codes,
            AccountMail mail,
            AttemptLimits limits,
            AccountRoles roles,
            ApplicationEventPublisher events,
            DisabledAccountRepository disabledAccounts) {
        this.users = users;
        this.userRepository = userRepository;
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.transaction = transaction;
        this.codes = codes;
        this.mail = mail;
        this.limits = limits;
        this.roles = roles;
        this.events = events;
        this.disabledAccounts = disabledAccounts;
        this.unknownUserHash = CompletableFuture.supplyAsync(
                () -> passwords.encode(UUID.randomUUID().toString()));
    }

    /**
     * Creates the user and its credentials. With a mail server, a confirmation code is sent to {@code
     * email} before the transaction commits, so that nothing is stored when it cannot be sent; without
     * one, the account is confirmed at once. The password is hashed before the transaction, which so
     * holds no connection during the slow hash.
     */
    SignedUp signUp(@Nullable String username, @Nullable String email, @Nullable String password) {
        if (username == null) {
            throw new InvalidInputException("username is required");
        }
        Usernames.requireValid(username);
        String checkedEmail = requireEmail(email);
        String passwordHash = passwords.encode(requirePassword(password));
        boolean confirmedAtOnce = !mail.enabled();
        return transaction.execute(status -> {
            User user = users.add(UUID.randomUUID().toString(), username);
            credentials.insert(user.id(), checkedEmail, passwordHash, confirmedAtOnce);
            roles.grantAtSignUp(user);
            events.publishEvent(new UserSignedUp(user.id()));
            if (!confirmedAtOnce) {
                String code = codes.issue(user.id(), VerificationCodes.Purpose.CONFIRM_SIGN_UP);
                mail.send(mail.confirmationCode(checkedEmail, user.username(), code));
            }
            return new SignedUp(user.id(), confirmedAtOnce);
        });
    }

    /**
     * New tokens for a correct username and password of a confirmed account that is not disabled; the
     * same refusal for any other pair, after the same bcrypt check, so that only who knows the password
     * learns that the account is unconfirmed or disabled. Failures count against the username and the client's
     * {@code address} (see {@link AttemptLimits}). Runs outside a transaction, so that no connection is
     * held during the slow hash.
     */
    Tokens signIn(@Nullable String username, @Nullable String password, String address) {
        if (username == null || password == null) {
            throw new InvalidInputException("username and password are required");
        }
        limits.check(username, address);
        Optional<User> user = userRepository.findByUsername(username);
        Optional<CredentialRepository.Credential> credential = user.flatMap(found -> credentials.find(found.id()));
        boolean matches = passwords.matches(
                password,
                credential.map(CredentialRepository.Credential::passwordHash).orElse(unknownUserHash.join()));
        if (user.isEmpty() || credential.isEmpty() || !matches) {
            limits.failed(username, address);
            throw new BadCredentialsException("incorrect username or password");
        }
        limits.succeeded(username);
        if (!credential.get().confirmed()) {
            throw new UserNotConfirmedException();
        }
        if (disabledAccounts.isDisabled(user.get().id())) {
            throw new AccountDisabledException();
        }
        events.publishEvent(new UserSignedIn(user.get().id()));
        return tokens(user.get(), refreshTokens.issue(user.get().id()));
    }

    /**
     * New tokens for an unused refresh token of an account that is not disabled; the token is used up.
     * A refused token is refused after the
     * commit, so that what its use changed stays: a used token presented again revokes its family.
     */
    Tokens refresh(@Nullable String refreshToken) {
        if (refreshToken == null) {
            throw new InvalidInputException("refreshToken is required");
        }
        Optional<Tokens> tokens = transaction.execute(status -> refreshTokens
                .use(refreshToken)
                .filter(holder -> !disabledAccounts.isDisabled(holder.userId()))
                .flatMap(holder -> userRepository
                        .findById(holder.userId())
                        .map(user -> tokens(user, refreshTokens.rotate(holder)))));
        return tokens.orElseThrow(() -> new BadCredentialsException("refresh token is not valid"));
    }

    /** Revokes the refresh token and every token rotated from the same sign-in. */
    void signOut(@Nullable String refreshToken) {
        if (refreshToken == null) {
            throw new InvalidInputException("refreshToken is required");
        }
        transaction.executeWithoutResult(status -> refreshTokens.revoke(refreshToken));
    }

    private Tokens tokens(User user, String refreshToken) {
        return new Tokens(accessTokens.issue(user), refreshToken, accessTokens.lifetimeSeconds(), "Bearer");
    }

    private static String requireEmail(@Nullable String email) {
        if (email == null
                || email.length() > MAX_EMAIL_LENGTH
                || email.chars().anyMatch(Character::isISOControl)
                || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email must be a valid e-mail address");
        }
        return email;
    }

    static String requirePassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return password;
    }

    record SignedUp(String userId, boolean confirmed) {}

    record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {}
}

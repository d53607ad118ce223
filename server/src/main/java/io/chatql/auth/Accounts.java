package io.chatql.auth;

import io.chatql.system.InvalidInputException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import io.chatql.user.Usernames;
import io.chatql.user.Users;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up, sign-in, refresh and sign-out of the built-in identity. */
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

    private final TransactionTemplate transaction;

    private final AccountRoles roles;

    private final ApplicationEventPublisher events;

    /** Checked against when the username is unknown, so that both failures take the same time. */
    private final String unknownUserHash;

    Accounts(
            Users users,
            UserRepository userRepository,
            CredentialRepository credentials,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            PasswordEncoder passwords,
            TransactionTemplate transaction,
            AccountRoles roles,
            ApplicationEventPublisher events) {
        this.users = users;
        this.userRepository = userRepository;
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.transaction = transaction;
        this.roles = roles;
        this.events = events;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates the user and its credentials; with no mail server, the account is confirmed at once. The
     * password is hashed before the transaction, which so holds no connection during the slow hash.
     */
    SignedUp signUp(@Nullable String username, @Nullable String email, @Nullable String password) {
        if (username == null) {
            throw new InvalidInputException("username is required");
        }
        Usernames.requireValid(username);
        String checkedEmail = requireEmail(email);
        String passwordHash = passwords.encode(requirePassword(password));
        return transaction.execute(status -> {
            User user = users.add(UUID.randomUUID().toString(), username);
            credentials.insert(user.id(), checkedEmail, passwordHash, true);
            roles.grantAtSignUp(user);
            events.publishEvent(new UserSignedUp(user.id()));
            return new SignedUp(user.id(), true);
        });
    }

    /**
     * New tokens for a correct username and password; the same refusal for any other pair. Runs outside
     * a transaction, so that no connection is held during the slow hash.
     */
    Tokens signIn(@Nullable String username, @Nullable String password) {
        if (username == null || password == null) {
            throw new InvalidInputException("username and password are required");
        }
        Optional<User> user = userRepository.findByUsername(username);
        String hash =
                user.flatMap(found -> credentials.passwordHashOf(found.id())).orElse(unknownUserHash);
        boolean matches = passwords.matches(password, hash);
        if (user.isEmpty() || !matches) {
            throw new BadCredentialsException("incorrect username or password");
        }
        events.publishEvent(new UserSignedIn(user.get().id()));
        return tokens(user.get(), refreshTokens.issue(user.get().id()));
    }

    /** New tokens for an unused refresh token, which is used up. */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    Tokens refresh(@Nullable String refreshToken) {
        if (refreshToken == null) {
            throw new InvalidInputException("refreshToken is required");
        }
        RefreshTokens.Holder holder = refreshTokens
                .use(refreshToken)
                .orElseThrow(() -> new BadCredentialsException("refresh token is not valid"));
        User user = userRepository
                .findById(holder.userId())
                .orElseThrow(() -> new BadCredentialsException("refresh token is not valid"));
        return tokens(user, refreshTokens.rotate(holder));
    }

    /** Revokes the refresh token and every token rotated from the same sign-in. */
    @Transactional
    void signOut(@Nullable String refreshToken) {
        if (refreshToken == null) {
            throw new InvalidInputException("refreshToken is required");
        }
        refreshTokens.revoke(refreshToken);
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

    private static String requirePassword(@Nullable String password) {
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

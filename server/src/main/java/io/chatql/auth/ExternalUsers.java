package io.chatql.auth;

import io.chatql.system.BlockingWork;
import io.chatql.system.ConflictException;
import io.chatql.user.UserRepository;
import io.chatql.user.Users;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import reactor.core.publisher.Mono;

/**
 * The users of trusted external issuers, made on their first request.
 *
 * <p>A new user's id is the issuer's {@code sub}, as the original ChatQL's {@code cognitoId} was
 * Cognito's {@code sub}, unless another user has that id already (or it is too long): then it is a
 * random one. Its username is the first of the issuer's username claims that the token has, with each
 * character the username rule does not allow replaced by {@code _}, cut to 32 characters. When that
 * name is taken, by a local account or by another issuer's user, the user gets the name cut to 25
 * characters followed by {@code -} and 6 hex digits derived from the issuer and subject: local accounts
 * keep their names, and no one can take over another's name by signing in elsewhere. The username is
 * not updated afterwards.
 *
 * <p>Known identities are remembered, so a request costs no database read once its user exists.
 */
@Component
class ExternalUsers {

    static final int CAPACITY = 10_000;

    private static final int MAX_USER_ID = 128;

    private static final int MAX_SUBJECT = 255;

    private static final int MAX_USERNAME = 32;

    private static final int MIN_USERNAME = 3;

    private static final int SUFFIX_DIGITS = 6;

    private final Map<String, TrustedIssuer> issuers;

    private final ExternalIdentityRepository identities;

    private final UserRepository userRepository;

    private final Users users;

    private final TransactionOperations transaction;

    private final BlockingWork blocking;

    private final Map<String, String> known = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    ExternalUsers(
            AuthProperties properties,
            ExternalIdentityRepository identities,
            UserRepository userRepository,
            Users users,
            TransactionOperations transaction,
            BlockingWork blocking) {
        this.issuers =
                properties.issuers().stream().collect(Collectors.toMap(TrustedIssuer::issuerUri, Function.identity()));
        this.identities = identities;
        this.userRepository = userRepository;
        this.users = users;
        this.transaction = transaction;
        this.blocking = blocking;
    }

    /** The id of the user a verified token of an external issuer stands for, made if it is new. */
    Mono<String> userIdOf(Jwt token) {
        TrustedIssuer issuer = issuers.get(token.getClaimAsString(JwtClaimNames.ISS));
        String subject = token.getSubject();
        if (issuer == null || subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return Mono.error(new BadCredentialsException("The token has no usable subject"));
        }
        String identity = issuer.issuerUri() + " " + subject;
        String userId;
        synchronized (known) {
            userId = known.get(identity);
        }
        if (userId != null) {
            return Mono.just(userId);
        }
        return blocking.of(() -> {
            String found =
                    identities.userIdOf(issuer.issuerUri(), subject).orElseGet(() -> provision(issuer, subject, token));
            synchronized (known) {
                known.put(identity, found);
            }
            return found;
        });
    }

    private String provision(TrustedIssuer issuer, String subject, Jwt token) {
        String username = usernameFor(issuer, subject, token);
        try {
            return transaction.execute(status -> {
                String userId = subject.length() <= MAX_USER_ID
                                && userRepository.findById(subject).isEmpty()
                        ? subject
                        : UUID.randomUUID().toString();
                users.add(userId, username);
                identities.insert(issuer.issuerUri(), subject, userId);
                return userId;
            });
        } catch (ConflictException | DuplicateKeyException raced) {
            return identities
                    .userIdOf(issuer.issuerUri(), subject)
                    .orElseThrow(() -> new BadCredentialsException("The username " + username + " is taken"));
        }
    }

    private String usernameFor(TrustedIssuer issuer, String subject, Jwt token) {
        String claimed = issuer.usernameClaims().stream()
                .map(token::getClaimAsString)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElseThrow(() -> new BadCredentialsException(
                        "The token has none of the username claims " + issuer.usernameClaims()));
        String name = cut(claimed.replaceAll("[^\\p{L}\\p{Nd}._-]", "_"), MAX_USERNAME);
        if (name.codePointCount(0, name.length()) < MIN_USERNAME) {
            name = cut(name + "_".repeat(MIN_USERNAME), MIN_USERNAME);
        }
        if (userRepository.findByUsername(name).isEmpty()) {
            return name;
        }
        return cut(name, MAX_USERNAME - SUFFIX_DIGITS - 1) + "-" + suffix(issuer.issuerUri() + " " + subject);
    }

    /** The first {@code length} characters of {@code text}, counting a surrogate pair as one. */
    private static String cut(String text, int length) {
        return text.codePointCount(0, text.length()) <= length
                ? text
                : text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static String suffix(String identity) {
        return Sha256.hex(identity).substring(0, SUFFIX_DIGITS);
    }
}

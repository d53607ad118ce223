package io.chatql.auth;

import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import io.chatql.user.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import reactor.core.publisher.Mono;

/**
 * API keys: made, listed and revoked by administrators, and checked on every request that sends one.
 * A key is 32 random bytes, so its SHA-256 hash is all that needs storing. Checked keys are remembered
 * for {@link #REMEMBERED} so that a busy bot costs no database read per request; a revocation on this
 * node takes effect at once, on other nodes within that time.
 */
@Service
class ApiKeys {

    static final String PREFIX = "chatql_";

    static final Duration REMEMBERED = Duration.ofSeconds(10);

    static final int CAPACITY = 1_000;

    private static final int KEY_BYTES = 32;

    private final ApiKeyRepository repository;

    private final Users users;

    private final BlockingWork blocking;

    private final TransactionOperations transaction;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final Map<String, Checked> checked = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > CAPACITY;
        }
    };

    ApiKeys(
            ApiKeyRepository repository,
            Users users,
            BlockingWork blocking,
            TransactionOperations transaction,
            Clock clock) {
        this.repository = repository;
        this.users = users;
        this.blocking = blocking;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Makes a key that acts as a new bot user called {@code name} until {@code expiresAt}, an ISO-8601
     * instant in the future. The name follows the username rules and must be free.
     */
    NewApiKey create(String adminId, String name, String expiresAt) {
        return transaction.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant expiry = requireFuture(expiresAt, now);
            String userId = users.add(UUID.randomUUID().toString(), name).id();
            byte[] bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ApiKey apiKey =
                    new ApiKey(UUID.randomUUID().toString(), name, userId, now.toString(), expiry.toString(), false);
            repository.insert(apiKey, Sha256.hex(key), adminId);
            return new NewApiKey(apiKey, key);
        });
    }

    List<ApiKey> list() {
        return repository.findAll();
    }

    /** Revokes the key with {@code id}; revoking it again changes nothing. */
    ApiKey revoke(String id) {
        return transaction.execute(status -> {
            ApiKeyRepository.RevokedKey revoked =
                    repository.revoke(id).orElseThrow(() -> new NotFoundException("no API key " + id));
            synchronized (checked) {
                checked.remove(revoked.keyHash());
            }
            return revoked.apiKey();
        });
    }

    /** The bot user of a valid key; a BadCredentialsException for an unknown, revoked or expired one. */
    Mono<Authentication> authenticate(String key) {
        String keyHash = Sha256.hex(key);
        Checked known;
        synchronized (checked) {
            known = checked.get(keyHash);
        }
        Instant now = clock.instant();
        Mono<Optional<ApiKeyRepository.ActiveKey>> active =
                known != null && known.at().plus(REMEMBERED).isAfter(now)
                        ? Mono.just(known.key())
                        : blocking.of(() -> remember(keyHash, repository.findActive(keyHash)));
        return active.map(
                found -> found.filter(activeKey -> activeKey.expiresAt().isAfter(clock.instant()))
                        .map(activeKey -> (Authentication) ApiKeyAuthenticationToken.actingAs(activeKey.userId()))
                        .orElseThrow(() -> new BadCredentialsException("the API key is not valid")));
    }

    private Optional<ApiKeyRepository.ActiveKey> remember(String keyHash, Optional<ApiKeyRepository.ActiveKey> found) {
        synchronized (checked) {
            checked.put(keyHash, new Checked(found, clock.instant()));
        }
        return found;
    }

    private static Instant requireFuture(@Nullable String expiresAt, Instant now) {
        Instant expiry;
        try {
            expiry = Instant.parse(String.valueOf(expiresAt)).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException ex) {
            throw new InvalidInputException("expiresAt must be an ISO-8601 instant, such as 2030-01-01T00:00:00Z");
        }
        if (!expiry.isAfter(now)) {
            throw new InvalidInputException("expiresAt must be in the future");
        }
        return expiry;
    }

    /** What the database said about a key, and when. */
    private record Checked(Optional<ApiKeyRepository.ActiveKey> key, Instant at) {}
}

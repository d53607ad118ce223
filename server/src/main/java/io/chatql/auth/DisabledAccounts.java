package io.chatql.auth;

import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Refuses the credentials of a disabled account, whatever they are: an access token of this server or
 * of an external issuer, or an API key. It checks the user they prove, after they are verified (and
 * whether or not that was remembered), so that no remembered verification outlives a disabling.
 *
 * <p>Whether an account is disabled is read from the database and remembered for {@link #REMEMBERED},
 * so that a busy user costs no read per request. A disabling or enabling is learnt at once from its
 * live event, on the node that made it and, relayed, on the others; a node that missed the event
 * learns it from the database within {@link #REMEMBERED}. What was learnt last wins: a read that began
 * before an event arrived does not overwrite what the event said.
 */
@Component
class DisabledAccounts implements DisposableBean {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    static final int CAPACITY = 10_000;

    private final DisabledAccountRepository repository;

    private final BlockingWork blocking;

    private final Clock clock;

    /** Orders what was learnt, by when reading it began or its event arrived. */
    private final AtomicLong learnt = new AtomicLong();

    private final Map<String, Standing> standings = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Standing> eldest) {
            return size() > CAPACITY;
        }
    };

    private final Disposable listening;

    DisabledAccounts(DisabledAccountRepository repository, LiveEvents events, BlockingWork blocking, Clock clock) {
        this.repository = repository;
        this.blocking = blocking;
        this.clock = clock;
        this.listening = Disposables.composite(
                events.stream(AccountDisabled.class).subscribe(disabled -> learn(disabled.userId(), true)),
                events.stream(AccountEnabled.class).subscribe(enabled -> learn(enabled.userId(), false)));
    }

    /** {@code user}, or a {@link DisabledException} when its account is disabled. */
    Mono<Authentication> requireEnabled(Authentication user) {
        String userId = user.getName();
        Standing known;
        synchronized (standings) {
            known = standings.get(userId);
        }
        Instant now = clock.instant();
        Mono<Boolean> disabled =
                known != null && known.learntAt().plus(REMEMBERED).isAfter(now)
                        ? Mono.just(known.disabled())
                        : blocking.of(() -> read(userId, now));
        return disabled.flatMap(isDisabled ->
                isDisabled ? Mono.error(new DisabledException("The account is disabled")) : Mono.just(user));
    }

    private boolean read(String userId, Instant now) {
        long order = learnt.incrementAndGet();
        boolean disabled = repository.isDisabled(userId);
        remember(userId, new Standing(disabled, now, order));
        return disabled;
    }

    private void learn(String userId, boolean disabled) {
        remember(userId, new Standing(disabled, clock.instant(), learnt.incrementAndGet()));
    }

    private void remember(String userId, Standing standing) {
        synchronized (standings) {
            Standing known = standings.get(userId);
            if (known == null || known.order() < standing.order()) {
                standings.put(userId, standing);
            }
        }
    }

    @Override
    public void destroy() {
        listening.dispose();
    }

    /** Whether an account was disabled, when that was learnt, and in which order. */
    private record Standing(boolean disabled, Instant learntAt, long order) {}
}

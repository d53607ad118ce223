package io.chatql.presence;

import io.chatql.live.EventFollowing;
import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import io.chatql.system.FellBehindException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * The viewers on this node who follow the presence of others, indexed by whom they follow: a change is
 * handed to the watchers of its user only, with the user read once for all of them. So a change costs
 * what its watchers cost, however many viewers the node holds; when each viewer filtered every change
 * for itself, a node of 10,000 connected users spent seconds on each.
 */
@Component
class PresenceWatchers extends EventFollowing {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceWatchers.class);

    /** Changes kept for one watcher that has not taken them yet; more end its subscription. */
    static final int WATCHER_BUFFER = 256;

    /** The most changes whose users are read together. */
    static final int BATCH = 256;

    /** How long a change waits for others to be read with: a batch is read once full, or after this. */
    static final Duration BATCH_WAIT = Duration.ofMillis(5);

    private final Map<String, Set<Watcher>> byWatched = new ConcurrentHashMap<>();

    private final LiveEvents events;

    private final UserRepository users;

    private final BlockingWork blocking;

    PresenceWatchers(LiveEvents events, UserRepository users, BlockingWork blocking) {
        this.events = events;
        this.users = users;
        this.blocking = blocking;
    }

    /** A new watcher for {@code viewerId}, who watches no one until told to; forget it when done. */
    Watcher watcher(String viewerId) {
        return new Watcher(viewerId);
    }

    @Override
    protected void follow(Disposable.Composite following) {
        following.add(changes().subscribe(this::tell));
    }

    /**
     * Each change someone here watches, with its user, or without when it could not be read, to be read
     * for each watcher then. The users of the changes that came together are read in one statement, so
     * that a burst, such as a node's users all coming back, costs a statement per {@value #BATCH}
     * changes; should the watchers fall behind all the same, every one of them ends, to subscribe again.
     */
    private Flux<Told> changes() {
        return events.streamOfEveryTopic(PresenceChanged.class)
                .filter(change -> byWatched.containsKey(change.userId()))
                .bufferTimeout(BATCH, BATCH_WAIT, true)
                .concatMap(batch -> blocking.of(() -> withUsers(batch)).onErrorReturn(withoutUsers(batch)))
                .flatMapIterable(told -> told)
                .onErrorResume(failure -> {
                    LOG.warn("Telling presence changes fell behind, and starts again: {}", failure.getMessage());
                    byWatched.values().forEach(watchers -> watchers.forEach(Watcher::fellBehind));
                    return changes();
                });
    }

    private List<Told> withUsers(List<PresenceChanged> batch) {
        Map<String, User> byId = new HashMap<>();
        users.findAllById(batch.stream().map(PresenceChanged::userId).collect(Collectors.toSet()))
                .forEach(user -> byId.put(user.id(), user));
        return batch.stream()
                .map(change -> new Told(change, byId.get(change.userId())))
                .toList();
    }

    private static List<Told> withoutUsers(List<PresenceChanged> batch) {
        return batch.stream().map(change -> new Told(change, null)).toList();
    }

    private void tell(Told told) {
        for (Watcher watcher : byWatched.getOrDefault(told.change().userId(), Set.of())) {
            watcher.tell(told.change().viewedBy(watcher.viewerId, told.user()));
        }
    }

    private record Told(PresenceChanged change, @Nullable User user) {}

    /** One viewer's subscription: whom it watches, and the changes it has not taken yet. */
    final class Watcher {

        private final String viewerId;

        private final Set<String> watched = ConcurrentHashMap.newKeySet();

        private final Sinks.Many<Presence> changes = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<Presence>get(WATCHER_BUFFER).get());

        private Watcher(String viewerId) {
            this.viewerId = viewerId;
        }

        /** Watches {@code userIds} from now on; answers those it did not watch yet. */
        Set<String> watch(Collection<String> userIds) {
            Set<String> added = ConcurrentHashMap.newKeySet();
            for (String userId : userIds) {
                if (watched.add(userId)) {
                    added.add(userId);
                    byWatched
                            .computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet())
                            .add(this);
                }
            }
            return added;
        }

        /**
         * The changes of the people watched, from when they were first watched on. They are taken on a
         * thread of their own, so that what a watcher's subscription does with each, execute and send it,
         * never holds up the telling of the next change to the other watchers.
         */
        Flux<Presence> changes() {
            return changes.asFlux().publishOn(Schedulers.parallel());
        }

        /** Watches no one any more. */
        void forget() {
            for (String userId : watched) {
                byWatched.computeIfPresent(userId, (id, watchers) -> {
                    watchers.remove(this);
                    return watchers.isEmpty() ? null : watchers;
                });
            }
        }

        private void tell(Presence presence) {
            if (changes.tryEmitNext(presence).isFailure()) {
                fellBehind();
            }
        }

        private void fellBehind() {
            changes.tryEmitError(new FellBehindException(WATCHER_BUFFER));
        }
    }
}

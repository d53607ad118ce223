package io.chatql.reading;

import io.chatql.conversation.MembershipCreated;
import io.chatql.conversation.MembershipMuted;
import io.chatql.live.EventFollowing;
import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEvents;
import io.chatql.message.Message;
import io.chatql.message.MessageCreated;
import io.chatql.system.BlockingWork;
import io.chatql.system.FellBehindException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * The live counts of the members who follow theirs on this node. Each follower starts from its
 * counts read from the database, then counts on in memory: a new message by someone else is one more
 * unread (and one more mention, if it names them), so the messages of a busy conversation cost no
 * statement. What cannot be counted on — a marker moved, a message deleted or its mentions edited, a
 * membership added or muted, a message missed — has the conversation's counts read again, in one
 * statement.
 *
 * <p>Everything a follower counts happens on one thread of its own, in the order the events came,
 * never on the thread that committed them: a post is not slowed by its readers.
 */
@Component
class UnreadWatch extends EventFollowing implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadWatch.class);

    /** Changes kept for one follower that has not taken them yet; more end its subscription. */
    static final int FOLLOWER_BUFFER = 256;

    private final LiveEvents events;

    private final ReadStates readStates;

    private final BlockingWork blocking;

    private final Scheduler counting = Schedulers.newSingle("unread-counting");

    /** The followers of each user; touched on the counting thread only, read on any. */
    private final Map<String, Set<Follower>> byUser = new ConcurrentHashMap<>();

    /** The started followers of each conversation; touched on the counting thread only, read on any. */
    private final Map<String, Set<Follower>> byConversation = new ConcurrentHashMap<>();

    /** Followers still reading their first counts, who keep every new message meanwhile. */
    private final Set<Follower> starting = ConcurrentHashMap.newKeySet();

    UnreadWatch(LiveEvents events, ReadStates readStates, BlockingWork blocking) {
        this.events = events;
        this.readStates = readStates;
        this.blocking = blocking;
    }

    /**
     * The changes of {@code userId}'s counts from now on, each with the counts of its conversation and
     * the user's total.
     */
    Flux<UnreadChange> changesOf(String userId) {
        return Flux.defer(() -> {
            Follower follower = new Follower(userId);
            counting.schedule(() -> startFollowing(follower));
            return follower.changes.asFlux().doFinally(signal -> counting.schedule(() -> stopFollowing(follower)));
        });
    }

    /** How many followers have their counts and follow the changes now. */
    int followers() {
        return byUser.values().stream().mapToInt(Set::size).sum() - starting.size();
    }

    @Override
    protected void follow(Disposable.Composite following) {
        following.add(events(
                        MessageCreated.class,
                        created -> interested(created.message().conversationId()))
                .subscribe(created -> arrived(created.message())));
        following.add(events(ReadMarkerMoved.class, moved -> byUser.containsKey(moved.userId()))
                .subscribe(moved -> recount(byUser, moved.userId(), moved.conversationId())));
        following.add(events(UnreadAffected.class, affected -> interested(affected.conversationId()))
                .subscribe(affected -> recountAll(affected.conversationId())));
        following.add(events(
                        MembershipCreated.class,
                        created -> byUser.containsKey(created.membership().userId()))
                .subscribe(created -> recount(
                        byUser,
                        created.membership().userId(),
                        created.membership().conversationId())));
        following.add(events(
                        MembershipMuted.class,
                        muted -> byUser.containsKey(muted.membership().userId()))
                .subscribe(muted -> recount(
                        byUser, muted.membership().userId(), muted.membership().conversationId())));
    }

    /** Ends every follower, who subscribes again wherever the application runs then. */
    @Override
    public void stop() {
        super.stop();
        counting.schedule(this::endAll);
    }

    @Override
    public void destroy() {
        counting.dispose();
    }

    /**
     * The events of {@code type} on every topic that may concern a follower here, handed to the counting
     * thread. Should the thread fall behind, every follower is ended, to read its counts again, and the
     * events are followed anew.
     */
    private <T extends LiveEvent> Flux<T> events(Class<T> type, Predicate<T> concerning) {
        return events.streamOfEveryTopic(type)
                .filter(concerning)
                .publishOn(counting)
                .onErrorResume(failure -> {
                    LOG.warn("Counting unread messages fell behind, and counts again: {}", failure.getMessage());
                    counting.schedule(this::endAll);
                    return events(type, concerning);
                });
    }

    private boolean interested(String conversationId) {
        return !starting.isEmpty() || byConversation.containsKey(conversationId);
    }

    private void startFollowing(Follower follower) {
        byUser.computeIfAbsent(follower.userId, id -> ConcurrentHashMap.newKeySet())
                .add(follower);
        starting.add(follower);
        blocking.of(() -> readStates.of(follower.userId))
                .publishOn(counting)
                .subscribe(follower::started, follower::failed);
    }

    private void stopFollowing(Follower follower) {
        starting.remove(follower);
        remove(byUser, follower.userId, follower);
        follower.states.keySet().forEach(conversationId -> remove(byConversation, conversationId, follower));
        follower.ended = true;
    }

    private void arrived(Message message) {
        starting.forEach(follower -> follower.kept.add(message));
        for (Follower follower : byConversation.getOrDefault(message.conversationId(), Set.of())) {
            follower.arrived(message);
        }
    }

    private void recountAll(String conversationId) {
        for (Follower follower : List.copyOf(byConversation.getOrDefault(conversationId, Set.of()))) {
            follower.recount(conversationId);
        }
        starting.forEach(follower -> follower.recountLater.add(conversationId));
    }

    private void recount(Map<String, Set<Follower>> followers, String userId, String conversationId) {
        for (Follower follower : followers.getOrDefault(userId, Set.of())) {
            if (starting.contains(follower)) {
                follower.recountLater.add(conversationId);
            } else {
                follower.recount(conversationId);
            }
        }
    }

    private void endAll() {
        byUser.values()
                .forEach(followers ->
                        followers.forEach(follower -> follower.failed(new FellBehindException(FOLLOWER_BUFFER))));
    }

    private static void remove(Map<String, Set<Follower>> index, String key, Follower follower) {
        index.computeIfPresent(key, (k, followers) -> {
            followers.remove(follower);
            return followers.isEmpty() ? null : followers;
        });
    }

    /** A reading of a conversation's counts under way, and what was heard of meanwhile. */
    private static final class Recount {

        /** The highest sequence of a message heard of. */
        long heard;

        /** Whether something that only a reading tells happened meanwhile. */
        boolean again;

        Recount(long heard) {
            this.heard = heard;
        }
    }

    /** One subscriber's counts; touched on the counting thread only. */
    private final class Follower {

        private final String userId;

        private final Sinks.Many<UnreadChange> changes = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<UnreadChange>get(FOLLOWER_BUFFER).get());

        private final Map<String, ReadState> states = new HashMap<>();

        /** While starting: the messages that arrived, which the first counts may not have seen. */
        private final List<Message> kept = new ArrayList<>();

        /** While starting: the conversations whose counts changed in ways only a recount tells. */
        private final Set<String> recountLater = new HashSet<>();

        /** The conversations whose counts are being read again. */
        private final Map<String, Recount> recounting = new HashMap<>();

        private boolean ended;

        Follower(String userId) {
            this.userId = userId;
        }

        void started(List<ReadState> first) {
            if (ended) {
                return;
            }
            first.forEach(this::track);
            starting.remove(this);
            kept.forEach(this::arrived);
            kept.clear();
            recountLater.forEach(this::recount);
            recountLater.clear();
        }

        void arrived(Message message) {
            Recount underWay = recounting.get(message.conversationId());
            if (underWay != null) {
                underWay.heard = Math.max(underWay.heard, message.sequence());
                return;
            }
            ReadState state = states.get(message.conversationId());
            if (state == null || message.sequence() <= state.lastSequence()) {
                return;
            }
            if (message.sequence() > state.lastSequence() + 1) {
                recount(message.conversationId(), message.sequence());
                return;
            }
            boolean byOther = !message.sender().equals(userId);
            ReadState after = state.arrived(
                    message.sequence(), byOther, message.mentionIds().contains(userId));
            if (byOther) {
                changed(after);
            } else {
                states.put(after.conversationId(), after);
            }
        }

        void recount(String conversationId) {
            recount(conversationId, 0);
        }

        /**
         * Reads the conversation's counts again, one reading at a time: what is asked meanwhile, and the
         * messages heard of meanwhile, which the reading may have missed, have it read once more.
         */
        private void recount(String conversationId, long heard) {
            Recount underWay = recounting.get(conversationId);
            if (underWay != null) {
                underWay.heard = Math.max(underWay.heard, heard);
                underWay.again = true;
                return;
            }
            Recount recount = new Recount(heard);
            recounting.put(conversationId, recount);
            blocking.of(() -> readStates.recounted(userId, List.of(conversationId)))
                    .publishOn(counting)
                    .subscribe(
                            recounted -> {
                                recounting.remove(conversationId);
                                if (ended || recounted.isEmpty()) {
                                    return;
                                }
                                ReadState state = recounted.get(0);
                                if (recount.again || state.lastSequence() < recount.heard) {
                                    recount(conversationId, recount.heard);
                                    return;
                                }
                                track(state);
                                changed(state);
                            },
                            this::failed);
        }

        void failed(Throwable failure) {
            if (!ended) {
                changes.tryEmitError(failure);
            }
        }

        private void track(ReadState state) {
            if (states.put(state.conversationId(), state) == null) {
                byConversation
                        .computeIfAbsent(state.conversationId(), id -> ConcurrentHashMap.newKeySet())
                        .add(this);
            }
        }

        private void changed(ReadState state) {
            states.put(state.conversationId(), state);
            if (changes.tryEmitNext(UnreadChange.of(state, UnreadTotal.of(states.values())))
                    .isFailure()) {
                changes.tryEmitError(new FellBehindException(FOLLOWER_BUFFER));
            }
        }
    }
}

package io.chatql.reading;

import io.chatql.reading.ReadingRepository.CountedState;
import io.chatql.reading.ReadingRepository.StateVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Members' read states, counted once and given again while nothing they are a function of changed: the
 * member's marker and the conversation's last event. Every change to a conversation's messages that
 * could change a count (a new message, an edit that changes its mentions, a deletion) is an event of
 * its timeline and moves that, so a state kept under the same two numbers is exact, on every node,
 * whatever any node changed since. Asking costs one statement that reads those numbers, and one more
 * that counts the conversations whose numbers moved, if any did.
 *
 * <p>Each node keeps the {@link ReadingProperties#countedStates()} states asked for last.
 */
@Component
class ReadStates {

    private final ReadingRepository repository;

    private final Counted counted;

    ReadStates(ReadingRepository repository, ReadingProperties properties) {
        this.repository = repository;
        this.counted = new Counted(properties.countedStates());
    }

    /** The read state of each of the user's conversations. */
    List<ReadState> of(String userId) {
        return of(userId, () -> repository.versionsOf(userId));
    }

    /** The read state of those of {@code conversationIds} the user is in. */
    List<ReadState> of(String userId, Collection<String> conversationIds) {
        return of(userId, () -> repository.versionsOf(userId, conversationIds));
    }

    /**
     * The read state of those of {@code conversationIds} the user is in, counted again, for one who
     * knows they changed: one statement.
     */
    List<ReadState> recounted(String userId, Collection<String> conversationIds) {
        List<ReadState> states = new ArrayList<>(conversationIds.size());
        for (CountedState state : repository.count(userId, conversationIds)) {
            counted.put(userId, state);
            states.add(state.state());
        }
        return states;
    }

    private List<ReadState> of(String userId, Supplier<List<StateVersion>> versions) {
        List<StateVersion> current = versions.get();
        Map<String, ReadState> known = new HashMap<>();
        List<String> toCount = new ArrayList<>();
        for (StateVersion version : current) {
            ReadState state = counted.get(userId, version);
            if (state == null) {
                toCount.add(version.conversationId());
            } else {
                known.put(version.conversationId(), state);
            }
        }
        for (CountedState state : repository.count(userId, toCount)) {
            counted.put(userId, state);
            known.put(state.state().conversationId(), state.state());
        }
        List<ReadState> states = new ArrayList<>(current.size());
        for (StateVersion version : current) {
            ReadState state = known.get(version.conversationId());
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** The states counted last, at most a given number, the least recently asked for forgotten first. */
    private static final class Counted {

        private final int capacity;

        private final Map<Key, CountedState> states;

        Counted(int capacity) {
            this.capacity = capacity;
            this.states = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, CountedState> eldest) {
                    return size() > Counted.this.capacity;
                }
            };
        }

        /** The state counted at {@code version}, muted or not as it is now; null when none is kept. */
        synchronized @Nullable ReadState get(String userId, StateVersion version) {
            CountedState kept = states.get(new Key(userId, version.conversationId()));
            if (kept == null
                    || kept.lastEvent() != version.lastEvent()
                    || kept.state().readSequence() != version.readSequence()) {
                return null;
            }
            return kept.state().muted(version.muted());
        }

        synchronized void put(String userId, CountedState state) {
            if (capacity > 0) {
                states.put(new Key(userId, state.state().conversationId()), state);
            }
        }
    }

    private record Key(String userId, String conversationId) {}
}

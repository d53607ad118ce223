package io.chatql.typing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which of the signals that members make on this node go to every node. A signal that changes what
 * the nodes know of its typist goes at once: the typist starts or stops, or is shown otherwise. One
 * that only says again that they type goes at most once every {@link #REFRESH}: one made sooner after
 * the last that went is held, and goes when that time is up, so every node keeps the typist at least
 * {@link TypingBoard#EXPIRY} after their last signal, and at most {@link #REFRESH} longer. A client that
 * signals every 3 seconds, as clients do, has each of its signals relayed as it comes.
 *
 * <p>Pure logic on the times it is given; not thread-safe, its owner serializes the calls.
 */
final class TypingSignals {

    /** The shortest time between two relayed signals of one typist that say the same. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final Map<TypistKey, Relayed> relayed = new HashMap<>();

    /** The signal to relay now; null when it is held, to be relayed by {@link #due}. */
    @Nullable
    TypingSignalled signal(TypingSignalled signal, Instant now) {
        TypistKey key = new TypistKey(signal.conversationId(), signal.typist().id());
        if (!signal.typing()) {
            relayed.remove(key);
            return signal;
        }
        Relayed last = relayed.get(key);
        if (last == null
                || !last.signal.equals(signal)
                || !last.at.plus(REFRESH).isAfter(now)) {
            relayed.put(key, new Relayed(signal, now));
            return signal;
        }
        last.held = true;
        return null;
    }

    /** The held signals whose time has come, relayed now; forgets the typists whose signal has expired. */
    List<TypingSignalled> due(Instant now) {
        List<TypingSignalled> due = new ArrayList<>();
        Iterator<Relayed> each = relayed.values().iterator();
        while (each.hasNext()) {
            Relayed last = each.next();
            if (last.held && !last.at.plus(REFRESH).isAfter(now)) {
                last.at = now;
                last.held = false;
                due.add(last.signal);
            } else if (!last.held && !last.at.plus(TypingBoard.EXPIRY).isAfter(now)) {
                each.remove();
            }
        }
        return due;
    }

    /** The user is no longer typing anywhere: nothing held of theirs is relayed. */
    void drop(String userId) {
        relayed.keySet().removeIf(key -> key.typistId().equals(userId));
    }

    private record TypistKey(String conversationId, String typistId) {}

    /** The last signal of a typist that was relayed, when, and whether one made since is held. */
    private static final class Relayed {

        private final TypingSignalled signal;

        private Instant at;

        private boolean held;

        Relayed(TypingSignalled signal, Instant at) {
            this.signal = signal;
            this.at = at;
        }
    }
}

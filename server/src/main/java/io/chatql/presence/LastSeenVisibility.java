package io.chatql.presence;

import io.chatql.live.LiveEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Whether each user lets others see when they were last seen, remembered for the users asked about
 * recently, so that telling a user's watchers that they went offline reads the database once per user
 * at most; a change, on any node, reaches every node's memory as a {@link LastSeenShown}.
 */
@Component
class LastSeenVisibility implements SmartLifecycle {

    static final int CAPACITY = 10_000;

    private final PresenceRepository repository;

    private final LiveEvents events;

    private final Map<String, Boolean> shown = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    private final Disposable.Swap changes = Disposables.swap();

    private volatile boolean running;

    LastSeenVisibility(PresenceRepository repository, LiveEvents events) {
        this.repository = repository;
        this.events = events;
    }

    /** Whether the user shows when they were last seen; may block on the database. */
    boolean isShown(String userId) {
        synchronized (shown) {
            Boolean known = shown.get(userId);
            if (known != null) {
                return known;
            }
        }
        boolean stored = repository.isLastSeenShown(userId);
        synchronized (shown) {
            shown.putIfAbsent(userId, stored);
        }
        return stored;
    }

    private void changed(LastSeenShown change) {
        synchronized (shown) {
            shown.put(change.userId(), change.shown());
        }
    }

    @Override
    public void start() {
        changes.update(events.stream(LastSeenShown.class).subscribe(this::changed));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        changes.update(Disposables.disposed());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

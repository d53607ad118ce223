package io.chatql.live;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * A component that follows live events, or the ticks of a clock, while the application runs: what it
 * subscribes to when the application starts is disposed of when it stops, and subscribed to again if
 * it starts again, as a paused application does.
 */
public abstract class EventFollowing implements SmartLifecycle {

    private volatile Disposable.Composite subscriptions = Disposables.composite();

    private volatile boolean running;

    /** Subscribes to what the component follows, adding each subscription to {@code subscriptions}. */
    protected abstract void follow(Disposable.Composite subscriptions);

    @Override
    public void start() {
        Disposable.Composite following = Disposables.composite();
        subscriptions = following;
        follow(following);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscriptions.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

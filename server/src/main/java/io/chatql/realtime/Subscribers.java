package io.chatql.realtime;

import io.chatql.live.LiveEvents;
import org.springframework.stereotype.Component;

/** Counts the subscriptions of this node that receive live events, whatever their transport. */
@Component
public class Subscribers {

    private final LiveEvents events;

    private final SharedSubscriptions shared;

    Subscribers(LiveEvents events, SharedSubscriptions shared) {
        this.events = events;
        this.shared = shared;
    }

    /**
     * The subscriptions that receive live events now: those that listen on their own, and the members
     * of shared groups, each of whose one execution listens for all of them.
     */
    public int count() {
        return events.subscriberCount() - shared.listeningGroups() + shared.liveMembers();
    }
}

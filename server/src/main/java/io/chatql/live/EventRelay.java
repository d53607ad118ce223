package io.chatql.live;

/** Carries committed events to the other nodes, which deliver them to their own subscribers. */
interface EventRelay {

    /** Sends {@code event} to every other node; never blocks and never fails the caller. */
    void relay(LiveEvent event);
}

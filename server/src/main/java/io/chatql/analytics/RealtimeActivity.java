package io.chatql.analytics;

/**
 * The real-time connections and subscriptions open on this node, for the administrators' totals;
 * the real-time layer, above this package, provides it.
 */
public interface RealtimeActivity {

    /** The real-time connections open on this node, over every protocol. */
    int openConnections();

    /** The subscriptions running on this node, over every protocol. */
    int activeSubscriptions();
}

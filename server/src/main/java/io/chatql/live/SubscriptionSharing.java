package io.chatql.live;

import java.util.Set;

/**
 * A feature's word on sharing its subscriptions, declared as a bean beside the feature: which of its
 * subscription fields return a {@link LiveFeed} whose live events are the same for every subscriber
 * allowed to follow it, so that subscribers of one operation may share one live execution, and which
 * of its fields answer differently depending on who asks, so that a document selecting them is shared
 * only among one user's subscriptions. Fields are named as in the schema, on whatever type they are
 * selected.
 *
 * @param shareable the subscription fields whose live executions may be shared
 * @param viewerDependent the fields whose values depend on the viewer
 */
public record SubscriptionSharing(Set<String> shareable, Set<String> viewerDependent) {

    /** The subscription fields whose live executions may be shared. */
    public static SubscriptionSharing shareable(String... subscriptions) {
        return new SubscriptionSharing(Set.of(subscriptions), Set.of());
    }

    /** The fields whose values depend on who asks. */
    public static SubscriptionSharing viewerDependent(String... fields) {
        return new SubscriptionSharing(Set.of(), Set.of(fields));
    }

    /** This declaration and the fields whose values depend on who asks. */
    public SubscriptionSharing andViewerDependent(String... fields) {
        return new SubscriptionSharing(shareable, Set.of(fields));
    }
}

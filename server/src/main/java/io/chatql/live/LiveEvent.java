package io.chatql.live;

/**
 * An event that subscriptions may deliver. Published with Spring's application events inside the
 * transaction that stores it, it reaches subscribers only once that transaction has committed.
 */
public interface LiveEvent {

    /**
     * The topic that subscribers of this kind of event follow, such as a conversation's id; only its
     * subscribers are handed the event. Empty for events that every subscriber of the kind receives.
     */
    default String topic() {
        return "";
    }
}

package io.chatql.realtime;

/**
 * An event that subscriptions may deliver. Published with Spring's application events inside the
 * transaction that stores it, it reaches subscribers only once that transaction has committed.
 */
public interface LiveEvent {}

package io.chatql.presence;

/** Whether a user can be reached now, served as the enum {@code PresenceStatus}. */
public enum PresenceStatus {
    /** A real-time connection of the user is open, and their client did not report them idle. */
    ONLINE,
    /** Connected, but the client reported its user idle. */
    AWAY,
    /** No connection of the user is open anywhere. */
    OFFLINE
}

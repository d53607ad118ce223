/**
 * Presence: whether a user is online, away or offline, derived from the real-time connections that
 * each node reports through {@link io.chatql.presence.PresenceConnections} and that the nodes share
 * as live events, with when the user was last seen; told only to the user and to the people who share
 * a conversation with them.
 */
@NullMarked
package io.chatql.presence;

import org.jspecify.annotations.NullMarked;

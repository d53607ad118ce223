/**
 * Live delivery: events committed by the other features are handed, after their transaction commits,
 * to the subscriptions open on this node.
 */
@NullMarked
package io.chatql.realtime;

import org.jspecify.annotations.NullMarked;

/**
 * The event bus under the features: events committed by a feature are handed, after their
 * transaction commits, to the listeners of their topic on this node, and relayed over Redis to the
 * other nodes when there are several; and the feeds that take a subscriber from a position in what
 * is stored to the live events, with no gap and no duplicate.
 */
@NullMarked
package io.chatql.live;

import org.jspecify.annotations.NullMarked;

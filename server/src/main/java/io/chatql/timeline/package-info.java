/**
 * The timeline of a conversation: one ordered log of everything that happens in it (messages created,
 * edited and deleted, reactions changed, members added), numbered without a hole, and the live feed
 * that resumes it from any position.
 */
@NullMarked
package io.chatql.timeline;

import org.jspecify.annotations.NullMarked;

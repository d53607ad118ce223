/**
 * Messages: posting with client-chosen ids, idempotently; the paged listings of a conversation's, a
 * sender's and a user's messages; and the live stream of a conversation's new messages.
 */
@NullMarked
package io.chatql.message;

import org.jspecify.annotations.NullMarked;

/**
 * Reading: each member's read marker in each conversation, the unread messages and mentions counted
 * from it, exactly and without reading the messages themselves; the conversation list ordered by
 * activity; read receipts ("seen by"); and the live changes of counts and markers.
 */
@NullMarked
package io.chatql.reading;

import org.jspecify.annotations.NullMarked;

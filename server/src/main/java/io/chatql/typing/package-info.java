/**
 * Typing indicators: who is typing in a conversation, kept in memory only, shared by the nodes as live
 * events, dropped 6 seconds after a typist's last signal (a second later at most: a signal that only
 * repeats the last goes to the nodes once a second at most), when they stop, and when their last
 * real-time connection closes; each change told to the members as the whole list after a tenth of a
 * second at most, or a second above 100 members, where only the count is told.
 */
@NullMarked
package io.chatql.typing;

import org.jspecify.annotations.NullMarked;

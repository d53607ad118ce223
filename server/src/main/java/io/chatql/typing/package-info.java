/**
 * Typing indicators: who is typing in a conversation, kept in memory only, shared by the nodes as live
 * events, dropped 6 seconds after a typist's last signal (a second later at most: a signal that only
 * repeats the last goes to the nodes once a second at most), when they stop, and when their last
 * real-time connection closes; each change told to the members as the whole list, at most twice a
 * second per conversation.
 */
@NullMarked
package io.chatql.typing;

import org.jspecify.annotations.NullMarked;

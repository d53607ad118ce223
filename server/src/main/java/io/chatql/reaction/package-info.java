/**
 * Reactions: the emoji members put on messages, each at most once per member, and what a message
 * shows of them.
 */
@NullMarked
package io.chatql.reaction;

import org.jspecify.annotations.NullMarked;

/**
 * Conversations and their members: creating a conversation, adding members, listing a user's
 * conversations, and the one membership guard that every read, write and subscription goes through.
 */
@NullMarked
package io.chatql.conversation;

import org.jspecify.annotations.NullMarked;

package io.chatql.conversation;

import io.chatql.realtime.LiveEvent;

/** A user was added to a conversation: published to {@code subscribeToNewUCs} for that user. */
public record MembershipCreated(UserConversation membership) implements LiveEvent {}

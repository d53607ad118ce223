import { DestroyRef, inject } from '@angular/core';
import { QueryRef } from 'apollo-angular';
import { Connection } from '../graphql/connection';
import {
  GetConversationMessagesQuery,
  GetConversationMessagesQueryVariables,
  SubscribeToConversationEventsDocument,
} from './messages.generated';
import { Message, laterPosition, withEvent } from './messages';
import { resubscribing } from './resubscribing';

/** The watched page of a conversation's messages that live events change. */
export type MessagesQuery = QueryRef<
  GetConversationMessagesQuery,
  GetConversationMessagesQueryVariables
>;

/** What a conversation's screen tells {@link liveMessages}. */
export interface LiveMessages {
  /** Its first answer is in: follows from the resume point, unless it follows already. */
  start(): void;
}

/** What {@link liveMessages} tells a conversation's screen of what it received. */
export interface LiveEventHandlers {
  /** A member joined the conversation. */
  memberAdded?(): void;
  /** A message was written in the conversation. */
  messageCreated?(message: Message): void;
}

/**
 * Follows a conversation's timeline live into the page {@code query} watches: new messages come in
 * as the newest, and edits, deletions and reactions change the messages where they are. Each time
 * it starts following, it asks first for every event after the later of {@code resumePoint()} (the
 * timeline position of the newest message the page holds; the beginning when it is empty; from now
 * when it is null) and the last event it received, so that nothing that happened meanwhile is
 * missed, also while the app was offline. Once started, it starts again after each reconnect, and
 * after the server ends the feed with an error, as {@link resubscribing} waits. Call it where
 * {@code inject} works, as in a field initializer.
 */
export function liveMessages(
  query: () => MessagesQuery | undefined,
  conversationId: () => string,
  resumePoint: () => string | null,
  handlers: LiveEventHandlers = {},
): LiveMessages {
  let stopFollowing: (() => void) | undefined;
  let lastReceived: string | null = null;
  const follow = () => {
    const after = laterPosition(resumePoint(), lastReceived);
    stopFollowing?.();
    stopFollowing = query()?.subscribeToMore({
      document: SubscribeToConversationEventsDocument,
      variables:
        after === null
          ? { conversationId: conversationId() }
          : { conversationId: conversationId(), after },
      updateQuery: (previous, { subscriptionData }) => {
        live.received();
        const event = subscriptionData.data.subscribeToConversationEvents;
        const page = previous as GetConversationMessagesQuery;
        if (!event) {
          return page;
        }
        lastReceived = laterPosition(lastReceived, event.position);
        if (event.kind === 'MEMBER_ADDED') {
          handlers.memberAdded?.();
        }
        if (event.kind === 'MESSAGE_CREATED' && event.message) {
          handlers.messageCreated?.(event.message);
        }
        return withEvent(page, event);
      },
      onError: (error) => live.failed(error),
    });
  };
  const live = resubscribing(follow);
  // Before the first answer, the resume point is not known yet: start() follows from it.
  inject(Connection).afterEachReconnect(() => {
    if (stopFollowing) {
      follow();
    }
  }, inject(DestroyRef));
  return {
    start: () => {
      if (!stopFollowing) {
        follow();
      }
    },
  };
}

import { DestroyRef, inject } from '@angular/core';
import { QueryRef } from 'apollo-angular';
import { Connection } from '../graphql/connection';
import {
  GetConversationMessagesQuery,
  GetConversationMessagesQueryVariables,
  SubscribeToNewMessageDocument,
} from './messages.generated';
import { withNewest } from './messages';
import { resubscribing } from './resubscribing';

/** The watched page of a conversation's messages that live messages go into. */
export type MessagesQuery = QueryRef<
  GetConversationMessagesQuery,
  GetConversationMessagesQueryVariables
>;

/** What a conversation's screen tells {@link liveMessages}. */
export interface LiveMessages {
  /** Its first answer is in: follows from the resume point, unless it follows already. */
  start(): void;
}

/**
 * Receives a conversation's new messages live, as the newest of the page {@code query} watches.
 * Each time it starts following, it asks first for every message stored after
 * {@code resumePoint()} (all of them when that is empty, none when it is null), so that nothing
 * sent meanwhile is missed. It starts again after each reconnect, and after the server ends the
 * feed with an error, as {@link resubscribing} waits. Call it where {@code inject} works, as in a
 * field initializer.
 */
export function liveMessages(
  query: () => MessagesQuery | undefined,
  conversationId: () => string,
  resumePoint: () => string | null,
): LiveMessages {
  let stopFollowing: (() => void) | undefined;
  const follow = () => {
    const after = resumePoint();
    stopFollowing?.();
    stopFollowing = query()?.subscribeToMore({
      document: SubscribeToNewMessageDocument,
      variables:
        after === null
          ? { conversationId: conversationId() }
          : { conversationId: conversationId(), after },
      updateQuery: (previous, { subscriptionData }) => {
        live.received();
        const message = subscriptionData.data.subscribeToNewMessage;
        const page = previous as GetConversationMessagesQuery;
        return message ? withNewest(page, message) : page;
      },
      onError: (error) => live.failed(error),
    });
  };
  const live = resubscribing(follow);
  inject(Connection).afterEachReconnect(follow, inject(DestroyRef));
  return {
    start: () => {
      if (!stopFollowing) {
        follow();
      }
    },
  };
}

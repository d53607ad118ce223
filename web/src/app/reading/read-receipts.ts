import { DestroyRef, inject } from '@angular/core';
import { Connection } from '../graphql/connection';
import { MessagesQuery } from '../chat/live-messages';
import { GetConversationMessagesQuery } from '../chat/messages.generated';
import { resubscribing } from '../chat/resubscribing';
import {
  SubscribeToReadReceiptsDocument,
  SubscribeToReadReceiptsSubscription,
} from './reading.generated';
import { withReceipts } from './seen-by';

/** Whose markers moved in a conversation, and to which message. */
export type ReadReceiptsFields = NonNullable<
  SubscribeToReadReceiptsSubscription['subscribeToReadReceipts']
>;

/**
 * Follows the read receipts of a conversation's members into the page {@code query} watches, so
 * that each message knows who has seen it. It follows again after each reconnect, and after the
 * server ends the feed with an error, as {@link resubscribing} waits. Call it where {@code inject}
 * works, as in a field initializer; {@code start} once the page is watched.
 */
export function readReceipts(
  query: () => MessagesQuery | undefined,
  conversationId: () => string,
): { start(): void } {
  let stopFollowing: (() => void) | undefined;
  const follow = () => {
    stopFollowing?.();
    stopFollowing = query()?.subscribeToMore({
      document: SubscribeToReadReceiptsDocument,
      variables: { conversationId: conversationId() },
      updateQuery: (previous, { subscriptionData }) => {
        receipts.received();
        const page = previous as GetConversationMessagesQuery;
        const read = subscriptionData.data.subscribeToReadReceipts;
        return read ? withReceipts(page, read.receipts) : page;
      },
      onError: (error) => receipts.failed(error),
    });
  };
  const receipts = resubscribing(follow);
  inject(Connection).afterEachReconnect(follow, inject(DestroyRef));
  return {
    start: () => {
      if (!stopFollowing) {
        follow();
      }
    },
  };
}

import { DestroyRef, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subscription } from 'rxjs';
import { resubscribing } from '../chat/resubscribing';
import { SubscribeToTypingDocument } from './typing.generated';

/** The server tells who types in at most this many conversations of one subscription. */
export const TYPING_FOLLOWED_AT_MOST = 100;

/** What a screen tells {@link typingFeed}. */
export interface TypingFeed {
  /**
   * Follows who types in these conversations (the first 100) instead of those before; the same
   * conversations in another order are followed on.
   */
  follow(conversationIds: string[]): void;
}

/**
 * Follows who types in some of my conversations live into the cache, where each conversation's
 * typists are one object (see cacheTypePolicies), so that every screen showing them sees them
 * change. It follows again after the server ends the feed with an error, as {@link resubscribing}
 * waits, and stops with the screen. Call it where {@code inject} works, as in a field initializer.
 */
export function typingFeed(): TypingFeed {
  const apollo = inject(Apollo);
  let followed: string[] = [];
  let following: Subscription | undefined;
  const subscribe = () => {
    following?.unsubscribe();
    following = undefined;
    if (followed.length > 0) {
      following = apollo
        .subscribe({ query: SubscribeToTypingDocument, variables: { conversationIds: followed } })
        .subscribe({ next: () => feed.received(), error: (error) => feed.failed(error) });
    }
  };
  const feed = resubscribing(subscribe);
  inject(DestroyRef).onDestroy(() => following?.unsubscribe());
  return {
    follow: (conversationIds) => {
      const ids = conversationIds.slice(0, TYPING_FOLLOWED_AT_MOST).sort();
      if (ids.join(' ') !== followed.join(' ')) {
        followed = ids;
        subscribe();
      }
    },
  };
}

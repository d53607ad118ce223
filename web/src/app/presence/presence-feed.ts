import { DestroyRef, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subscription, firstValueFrom } from 'rxjs';
import { Connection } from '../graphql/connection';
import { resubscribing } from '../chat/resubscribing';
import { Idleness } from './idleness';
import { SetAwayDocument, SubscribeToPresenceDocument } from './presence.generated';

/** The inputs that show the user is there. */
const INPUTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'];

/** How often the user's idleness is checked. */
const CHECK_EVERY_MS = 30_000;

/**
 * While the chat is open: follows the presence of the people I share conversations with live into
 * the cache, where each user's presence is one object (see cacheTypePolicies); and tells the server
 * when I am idle, after 5 minutes without input, and back at my next input or when I come back to
 * the tab. Call it where {@code inject} works, as in a field initializer; it stops with the screen.
 */
export function presenceFeed(): void {
  const apollo = inject(Apollo);
  const destroyRef = inject(DestroyRef);
  let following: Subscription | undefined;
  const follow = () => {
    following?.unsubscribe();
    following = apollo
      .subscribe({ query: SubscribeToPresenceDocument })
      .subscribe({ next: () => feed.received(), error: (error) => feed.failed(error) });
  };
  const feed = resubscribing(follow);
  follow();

  const idleness = new Idleness((away) =>
    // Offline, the server learns nothing, and meets me anew, as online, when I am back.
    firstValueFrom(apollo.mutate({ mutation: SetAwayDocument, variables: { away } })).catch(
      () => undefined,
    ),
  );
  const input = () => idleness.input();
  const visible = () => {
    if (document.visibilityState === 'visible') {
      idleness.input();
    }
  };
  INPUTS.forEach((name) => addEventListener(name, input, { passive: true }));
  document.addEventListener('visibilitychange', visible);
  const checking = setInterval(() => idleness.check(), CHECK_EVERY_MS);
  inject(Connection).afterEachReconnect(() => idleness.repeat(), destroyRef);
  destroyRef.onDestroy(() => {
    following?.unsubscribe();
    INPUTS.forEach((name) => removeEventListener(name, input));
    document.removeEventListener('visibilitychange', visible);
    clearInterval(checking);
  });
}

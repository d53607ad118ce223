import { DestroyRef, inject } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client';

/** The wait before following a live subscription again after its first error in a row. */
export const FIRST_WAIT_MS = 1_000;

/** The longest wait between two tries. */
export const LONGEST_WAIT_MS = 30_000;

/** The errors of a request the server refuses as such: asking again would be refused again. */
const REFUSALS = new Set(['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND']);

/** What a live subscription tells {@link resubscribing}. */
export interface Resubscribing {
  /** The server ended the subscription with {@code error}. */
  failed(error: unknown): void;
  /** An event arrived: the subscription works. */
  received(): void;
}

/**
 * Follows a live subscription again after the server ends it with an error (one that fell too far
 * behind, for example), by calling {@code follow}, which resumes from where the screen had got to.
 * The wait doubles with each error in a row, up to 30 s, and starts again at 1 s once an event
 * arrives. A refusal of the subscription itself (a conversation the user is not in, for example)
 * is not tried again. Losing the connection is no such error: the socket reconnects by itself.
 * Call it where {@code inject} works, as in a constructor or a field initializer.
 */
export function resubscribing(follow: () => void): Resubscribing {
  let wait = FIRST_WAIT_MS;
  let next: ReturnType<typeof setTimeout> | undefined;
  inject(DestroyRef).onDestroy(() => clearTimeout(next));
  return {
    failed: (error) => {
      if (refused(error)) {
        return;
      }
      clearTimeout(next);
      next = setTimeout(follow, wait);
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    },
    received: () => {
      wait = FIRST_WAIT_MS;
    },
  };
}

function refused(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.every((refusal) => REFUSALS.has(String(refusal.extensions?.['classification'])))
  );
}

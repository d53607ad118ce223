import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ApolloCache } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  BlockUserDocument,
  BlockedUsersDocument,
  BlockedUsersQuery,
  UnblockUserDocument,
} from './blocking.generated';

export type BlockedUser = BlockedUsersQuery['blockedUsers'][number];

/**
 * The users I blocked, and blocking or unblocking one: only I know of it, the user blocked is never
 * told. The list is kept in the cache, so that every component showing it agrees once one of them
 * changes it. Provided by each component that offers blocking, for as long as it is shown.
 */
@Injectable()
export class Blocking {
  private readonly apollo = inject(Apollo);

  private readonly users = signal<BlockedUser[]>([]);
  /** The ids of the users I blocked. */
  readonly blocked = computed(() => new Set(this.users().map((user) => user.id)));

  constructor() {
    this.apollo
      .watchQuery({ query: BlockedUsersDocument, fetchPolicy: 'cache-and-network' })
      .valueChanges.pipe(takeUntilDestroyed())
      .subscribe((result) => {
        const users = (result.data as BlockedUsersQuery | undefined)?.blockedUsers;
        if (users) {
          this.users.set(users);
        }
      });
  }

  /** Unblocks {@code userId} if I blocked them, blocks them otherwise. */
  async toggle(userId: string): Promise<void> {
    if (this.blocked().has(userId)) {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: UnblockUserDocument,
          variables: { userId },
          update: (cache) => keepBlocked(cache, (users) => withoutBlocked(users, userId)),
        }),
      );
    } else {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: BlockUserDocument,
          variables: { userId },
          update: (cache, { data }) => {
            const user = data?.blockUser;
            if (user) {
              keepBlocked(cache, (users) => withBlocked(users, user));
            }
          },
        }),
      );
    }
  }
}

/** The users blocked once {@code user} is too: the latest first, as the server lists them. */
export function withBlocked(users: BlockedUser[], user: BlockedUser): BlockedUser[] {
  return [user, ...withoutBlocked(users, user.id)];
}

export function withoutBlocked(users: BlockedUser[], userId: string): BlockedUser[] {
  return users.filter((user) => user.id !== userId);
}

/** Changes the list of blocked users the cache holds, if it holds one yet. */
function keepBlocked(cache: ApolloCache, change: (users: BlockedUser[]) => BlockedUser[]): void {
  cache.updateQuery({ query: BlockedUsersDocument }, (known) =>
    known ? { blockedUsers: change(known.blockedUsers) } : known,
  );
}

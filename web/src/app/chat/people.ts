import {
  Component,
  DestroyRef,
  Injector,
  OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { filter, firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { PresenceMark } from '../presence/presence-mark';
import { Blocking } from '../safety/blocking';
import { Memberships } from '../safety/memberships';
import { Avatar } from '../ui/avatar';
import { Menu, MenuItem } from '../ui/menu';
import { NewConversation } from './new-conversation';
import { NewUsers } from './new-users';
import {
  CreateUserDocument,
  GetAllUsersDocument,
  GetAllUsersQuery,
  MeDocument,
  SubscribeToNewUsersDocument,
} from './people.generated';

type User = NonNullable<NonNullable<GetAllUsersQuery['allUser']>[number]>;

/** How many people the list shows. */
export const PEOPLE_SHOWN = 100;

/**
 * Everyone I can start a conversation with, new users shown live, whether those I share a
 * conversation with are there, and the button to start one with some of them; each person's menu
 * blocks or unblocks them.
 */
@Component({
  selector: 'app-people',
  imports: [Avatar, Menu, MenuItem, NewConversation, PresenceMark],
  providers: [Blocking],
  template: `
    <section aria-labelledby="users-heading">
      <div class="section-header">
        <h2 id="users-heading">People</h2>
        <app-new-conversation [people]="others()" />
      </div>
      <ul class="list">
        @for (user of others(); track user.id) {
          <li class="person">
            <app-avatar [userId]="user.id" [name]="user.username" />
            <span class="person-name">{{ user.username }}</span>
            <app-presence-mark [presence]="user.presence" [now]="now()" />
            @if (blocking.blocked().has(user.id)) {
              <span class="mark">blocked</span>
            }
            <app-menu [label]="'Actions for ' + user.username">
              <button appMenuItem (click)="toggleBlocked(user)">
                {{ blocking.blocked().has(user.id) ? 'Unblock' : 'Block' }}
              </button>
            </app-menu>
          </li>
        }
      </ul>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class People implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  private readonly connection = inject(Connection);
  protected readonly blocking = inject(Blocking);
  private readonly memberships = inject(Memberships);
  private readonly injector = inject(Injector);

  private readonly users = signal<User[]>([]);
  protected readonly error = signal('');
  protected readonly others = computed(() =>
    this.users().filter((user) => user.id !== this.session.userId()),
  );
  protected readonly now = signal(new Date());

  ngOnInit(): void {
    this.register().catch((error) => {
      if (CombinedGraphQLErrors.is(error)) {
        this.error.set(error.message);
      }
      // Otherwise offline, or the server is away: registering is tried again on the next visit.
    });
    this.watchUsers();
    const ticking = setInterval(() => this.now.set(new Date()), 30_000);
    this.destroyRef.onDestroy(() => clearInterval(ticking));
  }

  protected async toggleBlocked(user: User): Promise<void> {
    this.error.set('');
    const change = this.blocking.blocked().has(user.id) ? 'unblocked' : 'blocked';
    try {
      await this.blocking.toggle(user.id);
    } catch (error) {
      this.error.set(`${user.username} could not be ${change}: ${(error as Error).message}`);
    }
  }

  /** Registers the signed-in user with its username, as the original client did on first sign-in. */
  private async register(): Promise<void> {
    const me = await firstValueFrom(this.apollo.query({ query: MeDocument }));
    if (me.data?.me && !me.data.me.registered) {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: CreateUserDocument,
          variables: { username: this.session.username() },
        }),
      );
    }
  }

  private watchUsers(): void {
    const users = this.apollo.watchQuery({
      query: GetAllUsersDocument,
      variables: { first: PEOPLE_SHOWN },
      fetchPolicy: 'cache-and-network',
    });
    const newUsers = new NewUsers();
    users.valueChanges
      .pipe(
        filter((result) => !result.error || result.data !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => {
        const list = result.data as GetAllUsersQuery | undefined;
        const completed = list?.allUser && !result.loading ? newUsers.answered(list) : undefined;
        if (completed) {
          users.updateQuery(() => completed);
          return;
        }
        this.users.set((list?.allUser ?? []).filter((user): user is User => user !== null));
      });
    // The server tells whether someone is there only to those who share a conversation with them:
    // someone I came to share one with, shown as unknown, is asked for anew.
    effect(
      () => {
        const sharedWith = this.memberships.sharedWith().split(' ');
        untracked(() => {
          if (this.users().some((user) => !user.presence && sharedWith.includes(user.id))) {
            users.refetch().catch(() => undefined);
          }
        });
      },
      { injector: this.injector },
    );
    // Who is there changed while the connection was lost: the list comes anew, exact again.
    this.connection.afterEachReconnect(
      () => users.refetch().catch(() => undefined),
      this.destroyRef,
    );
    users.subscribeToMore({
      document: SubscribeToNewUsersDocument,
      updateQuery: (previous, { subscriptionData }) => {
        const user = subscriptionData.data.subscribeToNewUsers;
        return user ? newUsers.arrived(previous as GetAllUsersQuery | null, user) : undefined;
      },
    });
  }
}

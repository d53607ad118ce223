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
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { filter, firstValueFrom } from 'rxjs';
import { Analytics } from '../analytics/analytics';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { PresenceMark } from '../presence/presence-mark';
import { Blocking } from '../safety/blocking';
import { Memberships } from '../safety/memberships';
import { Menu, MenuItem } from '../ui/menu';
import { defaultName, titleFor } from './conversation-title';
import { NewUsers } from './new-users';
import {
  CreateUserDocument,
  GetAllUsersDocument,
  GetAllUsersQuery,
  MeDocument,
  StartConversationDocument,
  SubscribeToNewUsersDocument,
} from './people.generated';

type User = NonNullable<NonNullable<GetAllUsersQuery['allUser']>[number]>;

/** How many people the list shows. */
export const PEOPLE_SHOWN = 100;

/**
 * Everyone I can start a conversation with, new users shown live, whether those I share a
 * conversation with are there, and the form to start one; each person's menu blocks or unblocks
 * them.
 */
@Component({
  selector: 'app-people',
  imports: [FormsModule, Menu, MenuItem, PresenceMark],
  providers: [Blocking],
  template: `
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">People</h2>
      <ul class="list">
        @for (user of others(); track user.id) {
          <li class="person">
            <label
              ><input
                type="checkbox"
                [checked]="picked().has(user.id)"
                (change)="toggle(user.id)"
              />
              {{ user.username }}</label
            >
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
      @if (picked().size > 0) {
        <form class="start" (ngSubmit)="start()">
          <label
            >Name <input name="name" [(ngModel)]="name" [placeholder]="suggestedName()"
          /></label>
          <button type="submit">Start conversation</button>
        </form>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class People implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly analytics = inject(Analytics);
  private readonly connection = inject(Connection);
  protected readonly blocking = inject(Blocking);
  private readonly memberships = inject(Memberships);
  private readonly injector = inject(Injector);

  private readonly users = signal<User[]>([]);
  protected readonly picked = signal<Set<string>>(new Set());
  protected readonly error = signal('');
  protected readonly others = computed(() =>
    this.users().filter((user) => user.id !== this.session.userId()),
  );
  /** The name a conversation with those picked gets unless I give one: all our names. */
  private readonly defaultName = computed(() =>
    defaultName(
      this.others()
        .filter((user) => this.picked().has(user.id))
        .map((user) => user.username),
      this.session.username(),
    ),
  );
  /** The default name as I will see it, without mine. */
  protected readonly suggestedName = computed(() =>
    titleFor(this.defaultName(), this.session.username()),
  );
  protected name = '';
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

  protected toggle(userId: string): void {
    const picked = new Set(this.picked());
    if (!picked.delete(userId)) {
      picked.add(userId);
    }
    this.picked.set(picked);
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

  protected async start(): Promise<void> {
    this.error.set('');
    const id = crypto.randomUUID();
    const memberIds = [...this.picked()];
    try {
      // All members at once: a member who cannot be added refuses the whole conversation, so a
      // refusal leaves no half-made conversation behind.
      await firstValueFrom(
        this.apollo.mutate({
          mutation: StartConversationDocument,
          variables: {
            id,
            name: this.name.trim() || this.defaultName(),
            createdAt: new Date().toISOString(),
            memberIds,
          },
        }),
      );
      this.analytics.record('New Conversation', { members: String(memberIds.length + 1) });
      this.picked.set(new Set());
      this.name = '';
      await this.router.navigate(['/chat', id]);
    } catch (error) {
      this.error.set(`The conversation could not be started: ${(error as Error).message}`);
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

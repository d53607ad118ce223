import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Apollo, QueryRef } from 'apollo-angular';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { Memberships } from '../safety/memberships';
import {
  GetUserConversationConnectionThroughUserDocument,
  SubscribeToNewUCsDocument,
} from './conversations.generated';
import { MY_CONVERSATIONS_SHOWN, Membership, MyConversations } from './my-conversations';
import { resubscribing } from './resubscribing';

/** My conversations, the newest first, with those I join shown live, and those I muted marked. */
@Component({
  selector: 'app-conversation-list',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <section aria-labelledby="conversations-heading">
      <h2 id="conversations-heading">Conversations</h2>
      <ul class="list">
        @for (membership of conversations(); track membership.conversationId) {
          <li>
            <a [routerLink]="['/chat', membership.conversationId]" routerLinkActive="active"
              >{{ membership.conversation?.name ?? membership.conversationId }}
              @if (memberships.muted(membership.conversationId)) {
                <span class="mark" role="img" aria-label="muted">🔕</span>
              }
            </a>
          </li>
        } @empty {
          <li class="hint">No conversation yet: pick people below to start one.</li>
        }
      </ul>
    </section>
  `,
})
export class ConversationList implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  private readonly connection = inject(Connection);
  protected readonly memberships = inject(Memberships);
  private stopFollowingConversations?: () => void;
  /** Follows my conversations again, from where the list has got to; set once the list is watched. */
  private followAgain: () => void = () => undefined;
  private readonly liveConversations = resubscribing(() => this.followAgain());

  protected readonly conversations = signal<Membership[]>([]);

  ngOnInit(): void {
    this.watchConversations();
    this.memberships.refresh();
  }

  private watchConversations(): void {
    const mine = this.apollo.watchQuery({
      query: GetUserConversationConnectionThroughUserDocument,
      variables: { first: MY_CONVERSATIONS_SHOWN },
      fetchPolicy: 'cache-and-network',
    });
    let known = false;
    // After the newest conversation I know of; before the first when my list, from the server or as
    // the cache kept an earlier answer, has none; from now when no list is known.
    const resumePoint = () => this.conversations()[0]?.conversationId ?? (known ? '' : null);
    mine.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((result) => {
      if (!result.error || result.data !== undefined) {
        const data = result.data as MyConversations | undefined;
        this.conversations.set(
          (data?.me?.conversations?.userConversations ?? []).filter(
            (membership): membership is Membership => membership?.userId === this.session.userId(),
          ),
        );
        if (data?.me) {
          known = true;
        }
      }
      if (!result.loading && !this.stopFollowingConversations) {
        // Followed from what the answer holds, so that a conversation started meanwhile is not missed.
        this.followConversations(mine, resumePoint());
      }
    });
    this.followAgain = () => this.followConversations(mine, resumePoint());
    this.connection.afterEachReconnect(() => this.followAgain(), this.destroyRef);
  }

  /**
   * Receives my new conversations live, first those I joined after {@code after} (all of them when it
   * is empty); from now on when it is null.
   */
  private followConversations(mine: QueryRef<MyConversations>, after: string | null): void {
    this.stopFollowingConversations?.();
    this.stopFollowingConversations = mine.subscribeToMore({
      document: SubscribeToNewUCsDocument,
      variables:
        after === null
          ? { userId: this.session.userId() }
          : { userId: this.session.userId(), after },
      updateQuery: (previous, { subscriptionData }) => {
        this.liveConversations.received();
        const data = previous as MyConversations;
        const membership = subscriptionData.data.subscribeToNewUCs;
        const memberships = data.me?.conversations?.userConversations ?? [];
        if (
          !data.me ||
          !membership ||
          memberships.some((known) => known?.conversationId === membership.conversationId)
        ) {
          return data;
        }
        return {
          me: {
            ...data.me,
            conversations: {
              __typename: 'UserConverstationsConnection',
              nextToken: data.me.conversations?.nextToken ?? null,
              userConversations: [membership, ...memberships],
            },
          },
        };
      },
      onError: (error) => this.liveConversations.failed(error),
    });
  }
}

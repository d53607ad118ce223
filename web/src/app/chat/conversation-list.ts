import { Component, DestroyRef, OnInit, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Apollo, QueryRef } from 'apollo-angular';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { SubscribeToUnreadChangesDocument } from '../reading/reading.generated';
import { Memberships } from '../safety/memberships';
import { typingFeed } from '../typing/typing-feed';
import { typingText } from '../typing/typing-text';
import {
  ConversationListDocument,
  ConversationListQueryVariables,
  SubscribeToNewUCsDocument,
} from './conversations.generated';
import {
  ConversationSummary,
  MY_CONVERSATIONS_SHOWN,
  MyConversations,
  byActivity,
  lists,
  previewOf,
  withUnreadChange,
} from './my-conversations';
import { titleFor } from './conversation-title';
import { RelativeTimePipe } from './relative-time';
import { resubscribing } from './resubscribing';

/** Changes that call for the list anew are gathered this long, to ask for it once. */
const REFRESH_DELAY_MS = 500;

/**
 * My conversations, the one with the latest activity first, each with its newest message or who
 * types in it, how many of its messages I have not read and whether any of them mentions me, and
 * whether I muted it. My counts change live; a conversation I join, or one where something new was
 * written, makes the list come anew, as it does after each reconnect, exact again.
 */
@Component({
  selector: 'app-conversation-list',
  imports: [RelativeTimePipe, RouterLink, RouterLinkActive],
  template: `
    <section aria-labelledby="conversations-heading">
      <h2 id="conversations-heading">Conversations</h2>
      <ul class="list conversations">
        @for (row of rows(); track row.conversation.id) {
          <li>
            <a
              [routerLink]="['/chat', row.conversation.id]"
              routerLinkActive="active"
              [class.unread]="row.conversation.unreadCount > 0"
            >
              <span class="conversation-line">
                <span class="conversation-name">{{ row.title }}</span>
                @if (memberships.muted(row.conversation.id)) {
                  <span class="mark" role="img" aria-label="muted">🔕</span>
                }
                @if (row.conversation.mentionCount > 0) {
                  <span class="mention-mark" role="img" aria-label="mentioned">&#64;</span>
                }
                @if (row.conversation.unreadCount > 0) {
                  <span
                    class="badge"
                    role="img"
                    [attr.aria-label]="row.conversation.unreadCount + ' unread'"
                    >{{ row.conversation.unreadCount }}</span
                  >
                }
              </span>
              @if (row.typing) {
                <span class="preview typing">{{ row.typing }}</span>
              } @else if (row.preview; as preview) {
                <span class="preview"
                  ><span class="preview-text"
                    ><span class="preview-author">{{ preview.author }}:</span>
                    {{ preview.text }}</span
                  >
                  <time [attr.datetime]="row.conversation.lastMessage?.createdAt">{{
                    row.conversation.lastMessage?.createdAt | relativeTime: now()
                  }}</time></span
                >
              }
            </a>
          </li>
        } @empty {
          <li class="hint">No conversation yet: start one with New conversation.</li>
        }
      </ul>
      @if (nextToken()) {
        <button type="button" class="link" [disabled]="loadingMore()" (click)="loadMore()">
          Show more conversations
        </button>
      }
    </section>
  `,
})
export class ConversationList implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  private readonly connection = inject(Connection);
  protected readonly memberships = inject(Memberships);
  private readonly typing = typingFeed();
  private list?: QueryRef<MyConversations, ConversationListQueryVariables>;
  private refreshing?: ReturnType<typeof setTimeout>;
  private readonly liveUnread = resubscribing(() => this.followUnread());
  private readonly liveJoined = resubscribing(() => this.followJoined());
  private stopFollowingUnread?: () => void;
  private stopFollowingJoined?: () => void;

  private readonly known = signal<ConversationSummary[]>([]);
  protected readonly nextToken = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly now = signal(new Date());
  protected readonly rows = computed(() =>
    byActivity(this.known()).map((conversation) => ({
      conversation,
      title: titleFor(conversation.name, this.session.username()),
      typing: this.connection.online()
        ? typingText(conversation.typing, this.session.userId())
        : '',
      preview:
        conversation.lastMessage && previewOf(conversation.lastMessage, this.session.userId()),
    })),
  );

  constructor() {
    effect(() => this.typing.follow(this.rows().map((row) => row.conversation.id)));
  }

  ngOnInit(): void {
    this.watchConversations();
    this.memberships.refresh();
    const ticking = setInterval(() => this.now.set(new Date()), 30_000);
    this.destroyRef.onDestroy(() => {
      clearInterval(ticking);
      clearTimeout(this.refreshing);
    });
  }

  protected async loadMore(): Promise<void> {
    const after = this.nextToken();
    if (!after || !this.list || this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    try {
      await this.list.fetchMore({ variables: { after } });
    } catch {
      // Offline, or the server is away: the button stays, to try again.
    } finally {
      this.loadingMore.set(false);
    }
  }

  private watchConversations(): void {
    this.list = this.apollo.watchQuery({
      query: ConversationListDocument,
      variables: { first: MY_CONVERSATIONS_SHOWN },
      fetchPolicy: 'cache-and-network',
    });
    this.list.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((result) => {
      if (!result.error || result.data !== undefined) {
        // Without data, offline or with the server away, what the cache had stays on screen.
        const page = (result.data as MyConversations | undefined)?.conversationList;
        this.known.set(page?.conversations ?? []);
        this.nextToken.set(page?.nextToken ?? null);
      }
    });
    this.followUnread();
    this.followJoined();
    // What changed while the connection was lost is in the list when it comes anew.
    this.connection.afterEachReconnect(() => this.refreshSoon(), this.destroyRef);
  }

  /** Receives my counts as they change; a change that is not my reading makes the list come anew. */
  private followUnread(): void {
    this.stopFollowingUnread?.();
    this.stopFollowingUnread = this.list?.subscribeToMore({
      document: SubscribeToUnreadChangesDocument,
      updateQuery: (previous, { subscriptionData }) => {
        this.liveUnread.received();
        const list = previous as MyConversations;
        const change = subscriptionData.data.subscribeToUnreadChanges;
        if (!change || !list?.conversationList) {
          // The list has not come yet, and will hold the counts as they are when it does.
          return list;
        }
        const known = list.conversationList.conversations.find(
          (conversation) => conversation.id === change.conversationId,
        );
        // Something was written, edited or deleted there: its newest message may have changed.
        if (!known || known.lastReadMessageId === change.lastReadMessageId) {
          this.refreshSoon();
        }
        return withUnreadChange(list, change);
      },
      onError: (error) => this.liveUnread.failed(error),
    });
  }

  /**
   * Receives the conversations I join, started by me or by others, and lists them; who I share
   * conversations with is read anew too.
   */
  private followJoined(): void {
    this.stopFollowingJoined?.();
    this.stopFollowingJoined = this.list?.subscribeToMore({
      document: SubscribeToNewUCsDocument,
      variables: { userId: this.session.userId() },
      updateQuery: (previous, { subscriptionData }) => {
        this.liveJoined.received();
        const list = previous as MyConversations;
        const membership = subscriptionData.data.subscribeToNewUCs;
        if (membership && !(list && lists(list, membership.conversationId))) {
          this.refreshSoon();
          this.memberships.refresh();
        }
        return list;
      },
      onError: (error) => this.liveJoined.failed(error),
    });
  }

  private refreshSoon(): void {
    this.refreshing ??= setTimeout(() => {
      this.refreshing = undefined;
      this.list?.refetch().catch(() => undefined);
    }, REFRESH_DELAY_MS);
  }
}

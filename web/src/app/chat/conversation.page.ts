import {
  Component,
  DestroyRef,
  afterEveryRender,
  ElementRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Session } from '../auth/session';
import { GetUserConversationConnectionThroughUserDocument } from './conversations.generated';
import { MessagesQuery, liveMessages } from './live-messages';
import { MY_CONVERSATIONS_SHOWN, MyConversations } from './my-conversations';
import { newMessageId } from './message-id';
import {
  GetConversationMessagesDocument,
  GetConversationMessagesQuery,
} from './messages.generated';
import { Message, PAGE_SIZE } from './messages';
import { Outbox } from './outbox';
import { refusalsOf, withWaiting } from './outbox-merge';
import { ReadingPosition } from './reading-position';
import { Analytics } from '../analytics/analytics';
import { RelativeTimePipe } from './relative-time';
import { ConversationMenu } from '../safety/conversation-menu';

/**
 * One conversation: its 10 newest messages, older ones 10 at a time when scrolled to the top, new
 * ones live, and a box to send. Sent messages show at once with a gray check, green once stored.
 */
@Component({
  selector: 'app-conversation',
  imports: [ConversationMenu, FormsModule, RelativeTimePipe, RouterLink],
  templateUrl: './conversation.page.html',
})
export class ConversationPage implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  private readonly outbox = inject(Outbox);
  private readonly analytics = inject(Analytics);

  readonly conversationId = input.required<string>();
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');

  private readonly newestFirst = signal<Message[]>([]);
  private readonly waiting = computed(() =>
    this.outbox.messages().filter((message) => message.conversationId === this.conversationId()),
  );
  /** The stored messages, oldest first, then mine still waiting to be sent. */
  protected readonly messages = computed(() => withWaiting(this.newestFirst(), this.waiting()));
  protected readonly refusals = computed(() => refusalsOf(this.waiting()));
  protected readonly nextToken = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly loadingOlder = signal(false);
  protected readonly me = this.session.userId;
  protected readonly now = signal(new Date());
  protected draft = '';

  private query?: MessagesQuery;
  /**
   * Whether the newest page is known, from the server or as the cache kept an earlier answer, so
   * that an empty one means the conversation has no message yet.
   */
  private newestPageKnown = false;
  private readonly live = liveMessages(
    () => this.query,
    this.conversationId,
    () => this.resumePoint(),
  );
  private readonly readingPosition = new ReadingPosition(() => this.scroller().nativeElement);

  constructor() {
    afterEveryRender({ write: () => this.keepReadingPosition() });
  }

  ngOnInit(): void {
    this.query = this.apollo.watchQuery({
      query: GetConversationMessagesDocument,
      variables: { conversationId: this.conversationId(), first: PAGE_SIZE },
      fetchPolicy: 'cache-and-network',
    });
    this.query.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((result) => {
      if (!result.error || result.data !== undefined) {
        // Without data, offline or with the server away, what the cache had stays on screen.
        const connection = (result.data as GetConversationMessagesQuery | undefined)
          ?.allMessageConnection;
        this.newestFirst.set(
          (connection?.messages ?? []).filter((message): message is Message => message !== null),
        );
        this.nextToken.set(connection?.nextToken ?? null);
        if (connection) {
          this.newestPageKnown = true;
        }
      }
      if (!result.loading) {
        // Live messages are followed from the newest one the answer holds, so that one posted
        // between the answer and the subscription is not missed.
        this.live.start();
      }
    });
    this.showName();
    const ticking = setInterval(() => this.now.set(new Date()), 30_000);
    this.destroyRef.onDestroy(() => clearInterval(ticking));
  }

  /** Names the conversation as my conversation list, kept in the cache by the side bar, has it. */
  private showName(): void {
    this.apollo
      .watchQuery({
        query: GetUserConversationConnectionThroughUserDocument,
        variables: { first: MY_CONVERSATIONS_SHOWN },
        fetchPolicy: 'cache-only',
      })
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        const memberships =
          (result.data as MyConversations | undefined)?.me?.conversations?.userConversations ?? [];
        const open = memberships.find(
          (membership) => membership?.conversationId === this.conversationId(),
        );
        this.name.set(open?.conversation?.name ?? '');
      });
  }

  /**
   * Where live messages take up: after the newest message the server has confirmed (not one still
   * waiting to be sent); at the beginning when the newest page known has none; from now when no page
   * is known.
   */
  private resumePoint(): string | null {
    const newest = this.newestFirst().find((message) => message.isSent)?.id;
    return newest ?? (this.newestPageKnown ? '' : null);
  }

  /** After each render: holds the messages being read in place, or follows the newest. */
  private keepReadingPosition(): void {
    this.readingPosition.rendered(this.messages().length);
    if (this.readingPosition.fits() && this.nextToken() && !this.loadingOlder()) {
      // Too few messages to scroll: there is nothing to scroll up to, so the next page comes now.
      queueMicrotask(() => this.loadOlder());
    }
  }

  protected onScroll(): void {
    if (this.readingPosition.scrolled()) {
      this.loadOlder();
    }
  }

  protected async loadOlder(): Promise<void> {
    const after = this.nextToken();
    if (!after || this.loadingOlder() || !this.query) {
      return;
    }
    this.readingPosition.holdForOlder();
    this.loadingOlder.set(true);
    try {
      await this.query.fetchMore({ variables: { after } });
    } catch {
      this.readingPosition.release();
    } finally {
      this.loadingOlder.set(false);
    }
  }

  protected send(): void {
    const content = this.draft.trim();
    if (!content) {
      return;
    }
    this.draft = '';
    this.readingPosition.followNewest();
    this.outbox.add({
      id: newMessageId(),
      conversationId: this.conversationId(),
      content,
      createdAt: new Date().toISOString(),
      sender: this.me(),
      senderName: this.session.username(),
    });
    this.analytics.record('Chat MSG Sent', { conversationId: this.conversationId() });
  }

  protected discard(id: string): void {
    this.outbox.discard(id);
  }
}

import {
  Component,
  DestroyRef,
  afterEveryRender,
  afterNextRender,
  ElementRef,
  Injector,
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
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { MembersPresence } from '../presence/members-presence';
import { MarkReadDocument } from '../reading/reading.generated';
import { ReadAtOpening, firstUnread } from '../reading/new-messages';
import { ReadMarker } from '../reading/read-marker';
import { readReceipts } from '../reading/read-receipts';
import { SeenMessages, SeenWhenShown } from '../reading/seen-messages';
import { seenByLine } from '../reading/seen-by';
import { TypingSignal } from '../typing/typing-signal';
import { typingText } from '../typing/typing-text';
import { SetTypingDocument } from '../typing/typing.generated';
import { ConversationListDocument } from './conversations.generated';
import { MessagesQuery, liveMessages } from './live-messages';
import {
  ConversationSummary,
  MY_CONVERSATIONS_SHOWN,
  MyConversations,
  withArrival,
} from './my-conversations';
import { newMessageId } from './message-id';
import {
  GetConversationMessagesDocument,
  GetConversationMessagesQuery,
  ReportMessageDocument,
} from './messages.generated';
import { Message, PAGE_SIZE } from './messages';
import { Mentioned } from './mentions';
import { MessageChange, Outbox } from './outbox';
import { refusalsOf, withWaiting } from './outbox-merge';
import { namesMembers, titleFor } from './conversation-title';
import { ReadingPosition } from './reading-position';
import { timeline } from './timeline';
import { Analytics } from '../analytics/analytics';
import { Compose } from './compose';
import { MessageAction, MessageView } from './message-view';
import { ConversationMenu } from '../safety/conversation-menu';
import { Memberships } from '../safety/memberships';

/** How many pages back a quoted message is looked for before giving up. */
const QUOTE_PAGES_SEARCHED = 20;

/** How long the message a quote leads to stands out. */
const HIGHLIGHT_MS = 2_000;

/**
 * One conversation: its 10 newest messages, older ones 10 at a time when scrolled to the top, and
 * everything that happens to them live; a box to send, reply and edit. Sent messages show at once
 * with a clock, with two checks once stored; changes show at once too, and wait in the outbox like
 * messages until the server has them. What I had not read when I opened it follows a "New
 * messages" divider, and my read marker moves as I see messages; who types shows under them, who
 * has seen my latest under it, and whether the others are there in the header.
 */
@Component({
  selector: 'app-conversation',
  imports: [
    Compose,
    ConversationMenu,
    FormsModule,
    MembersPresence,
    MessageView,
    RouterLink,
    SeenWhenShown,
  ],
  providers: [SeenMessages],
  templateUrl: './conversation.page.html',
})
export class ConversationPage implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly outbox = inject(Outbox);
  private readonly analytics = inject(Analytics);
  private readonly memberships = inject(Memberships);
  private readonly connection = inject(Connection);
  private readonly seenMessages = inject(SeenMessages);

  readonly conversationId = input.required<string>();
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly confirmDeletion =
    viewChild.required<ElementRef<HTMLDialogElement>>('confirmDeletion');
  private readonly reportDialog = viewChild.required<ElementRef<HTMLDialogElement>>('reportDialog');

  private readonly newestFirst = signal<Message[]>([]);
  private readonly waiting = computed(() =>
    this.outbox.items().filter((item) => item.conversationId === this.conversationId()),
  );
  /** The stored messages, oldest first, then mine still waiting to be sent. */
  protected readonly messages = computed(() => withWaiting(this.newestFirst(), this.waiting()));
  protected readonly refusals = computed(() => refusalsOf(this.waiting()));
  /** The messages by day, in groups of one author's. */
  protected readonly timeline = computed(() => timeline(this.messages(), this.now()));
  protected readonly nextToken = signal<string | null>(null);
  /** The conversation as my conversation list, kept in the cache by the side bar, has it. */
  private readonly summary = signal<ConversationSummary | undefined>(undefined);
  protected readonly name = computed(() =>
    titleFor(this.summary()?.name ?? '', this.session.username()),
  );
  protected readonly typing = computed(() =>
    this.connection.online() ? typingText(this.summary()?.typing, this.me()) : '',
  );
  protected readonly namesMembers = namesMembers;
  protected readonly others = computed(() => this.memberships.othersIn(this.conversationId()));
  /** The message the "New messages" divider goes before, placed once the conversation opened. */
  protected readonly firstUnread = signal<string | null>(null);
  protected readonly seenBy = computed(() => seenByLine(this.messages(), this.me()));
  protected readonly loadingOlder = signal(false);
  protected readonly me = this.session.userId;
  protected readonly admin = this.session.admin;
  protected readonly now = signal(new Date());
  protected readonly replyingTo = signal<Message | null>(null);
  protected readonly editing = signal<Message | null>(null);
  protected readonly highlighted = signal<string | null>(null);
  /** The message whose deletion waits for a confirmation. */
  protected readonly deleting = signal<Message | null>(null);
  /** The message being reported, and how the report went. */
  protected readonly reporting = signal<Message | null>(null);
  protected readonly reportStatus = signal<{ sent: boolean; text: string } | null>(null);
  protected reportReason = '';
  /** Who may be mentioned: the other members, and whoever wrote a message shown, when offline. */
  protected readonly members = computed(() => {
    const others = this.memberships.othersIn(this.conversationId());
    const known = new Map<string, Mentioned>(others.map((member) => [member.id, member]));
    for (const message of this.newestFirst()) {
      if (message.author && message.author.id !== this.me() && !known.has(message.author.id)) {
        known.set(message.author.id, message.author);
      }
    }
    return [...known.values()];
  });

  private query?: MessagesQuery;
  /**
   * Whether the newest page is known, from the server or as the cache kept an earlier answer, so
   * that an empty one means the conversation has no message yet.
   */
  protected readonly newestPageKnown = signal(false);
  private readonly live = liveMessages(
    () => this.query,
    this.conversationId,
    () => this.resumePoint(),
    {
      memberAdded: () => this.memberships.refresh(),
      messageCreated: (message) => this.showInList(message),
    },
  );
  private readonly receipts = readReceipts(() => this.query, this.conversationId);
  private readonly readingPosition = new ReadingPosition(() => this.scroller().nativeElement);
  /** Where I had read to when I opened the conversation; known once the list has it. */
  private readAtOpening?: ReadAtOpening;
  private dividerPlaced = false;
  private readonly readMarker = new ReadMarker((messageId) =>
    firstValueFrom(
      this.apollo.mutate({
        mutation: MarkReadDocument,
        variables: { conversationId: this.conversationId(), messageId },
      }),
    ),
  );
  private readonly typingSignal = new TypingSignal((typing) =>
    firstValueFrom(
      this.apollo.mutate({
        mutation: SetTypingDocument,
        variables: { conversationId: this.conversationId(), typing },
        // The answer may count me among the typists, which I am not shown.
        fetchPolicy: 'no-cache',
      }),
    ).catch(() => {
      // Offline, or the server is away: it forgets a typist by itself.
    }),
  );

  constructor() {
    afterEveryRender({ write: () => this.keepReadingPosition() });
    this.seenMessages.seen = (message) => {
      if (message.isSent && message.timelinePosition) {
        this.readMarker.seen(message);
      }
    };
    this.connection.afterEachReconnect(() => this.readMarker.retry(), this.destroyRef);
    this.destroyRef.onDestroy(() => {
      this.readMarker.flush();
      this.typingSignal.stopped();
    });
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
          this.newestPageKnown.set(true);
        }
      }
      if (!result.loading) {
        // Live messages are followed from the newest one the answer holds, so that one posted
        // between the answer and the subscription is not missed.
        this.live.start();
        this.receipts.start();
        this.placeDivider();
      }
    });
    this.watchSummary();
    const ticking = setInterval(() => this.now.set(new Date()), 30_000);
    this.destroyRef.onDestroy(() => clearInterval(ticking));
  }

  /** Follows the conversation as my conversation list, kept in the cache by the side bar, has it. */
  private watchSummary(): void {
    this.apollo
      .watchQuery({
        query: ConversationListDocument,
        variables: { first: MY_CONVERSATIONS_SHOWN },
        fetchPolicy: 'cache-only',
      })
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        const conversations =
          (result.data as MyConversations | undefined)?.conversationList?.conversations ?? [];
        const open = conversations.find(
          (conversation) => conversation.id === this.conversationId(),
        );
        this.summary.set(open);
        if (open && !this.readAtOpening) {
          this.readAtOpening = {
            lastReadMessageId: open.lastReadMessageId,
            unreadCount: open.unreadCount,
          };
          this.placeDivider();
        }
      });
  }

  /**
   * Places the "New messages" divider, once, where what I had not read when I opened the
   * conversation starts, and brings it on screen; from then on it stays there, however I read.
   */
  private placeDivider(): void {
    if (this.dividerPlaced || !this.readAtOpening || !this.newestPageKnown()) {
      return;
    }
    this.dividerPlaced = true;
    const first = firstUnread(this.messages(), this.readAtOpening, this.me());
    this.firstUnread.set(first);
    if (first) {
      afterNextRender(
        () => {
          document.getElementById('new-messages')?.scrollIntoView({ block: 'start' });
          this.readingPosition.scrolled();
        },
        { injector: this.injector },
      );
    }
  }

  /** A message written here is the conversation's newest in my list, which it moves to the top. */
  private showInList(message: Message): void {
    queueMicrotask(() =>
      this.apollo.client.cache.updateQuery(
        { query: ConversationListDocument, variables: { first: MY_CONVERSATIONS_SHOWN } },
        (list) => list && withArrival(list, this.conversationId(), message),
      ),
    );
  }

  /** The box's draft changed: whether I am writing a new message in it. */
  protected drafting(writing: boolean): void {
    if (writing) {
      this.typingSignal.typed();
    } else {
      this.typingSignal.stopped();
    }
  }

  /**
   * Where the live timeline takes up: after the creation of the newest message the server has
   * confirmed (not one still waiting to be sent); at the beginning when the newest page known has
   * none; from now when no page is known.
   */
  private resumePoint(): string | null {
    const newest = this.newestFirst().find((message) => message.isSent)?.timelinePosition;
    return newest || (this.newestPageKnown() ? '' : null);
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

  protected send(content: string): void {
    const replyTo = this.replyingTo();
    this.replyingTo.set(null);
    this.typingSignal.stopped();
    this.readingPosition.followNewest();
    this.outbox.add({
      id: newMessageId(),
      conversationId: this.conversationId(),
      content,
      createdAt: new Date().toISOString(),
      sender: this.me(),
      senderName: this.session.username(),
      ...(replyTo
        ? {
            replyTo: {
              __typename: 'Message',
              id: replyTo.id,
              sender: replyTo.sender,
              content: replyTo.content,
              deleted: replyTo.deleted,
              author: replyTo.author,
            },
          }
        : {}),
    });
    this.analytics.record('Chat MSG Sent', { conversationId: this.conversationId() });
  }

  protected saveEdit({ message, content }: { message: Message; content: string }): void {
    this.editing.set(null);
    this.change('edit', message, content);
  }

  protected stopComposing(): void {
    this.editing.set(null);
    this.replyingTo.set(null);
  }

  /** Edits my newest message that can still be edited. */
  protected editLast(): void {
    const mine = this.messages().filter(
      (message) => message.sender === this.me() && !message.deleted,
    );
    const last = mine.at(-1);
    if (last) {
      this.replyingTo.set(null);
      this.editing.set(last);
    }
  }

  protected act(action: MessageAction): void {
    switch (action.kind) {
      case 'react':
      case 'unreact':
        this.change(action.kind, action.message, action.emoji);
        break;
      case 'reply':
        this.editing.set(null);
        this.replyingTo.set(action.message);
        break;
      case 'edit':
        this.replyingTo.set(null);
        this.editing.set(action.message);
        break;
      case 'delete':
        this.deleting.set(action.message);
        this.confirmDeletion().nativeElement.showModal();
        break;
      case 'report':
        this.reporting.set(action.message);
        this.reportReason = '';
        this.reportStatus.set(null);
        this.reportDialog().nativeElement.showModal();
        break;
      case 'open-quoted':
        this.openMessage(action.quotedId);
        break;
      case 'retry':
        this.outbox.sendAgain(action.refusal.id);
        break;
      case 'discard':
        this.outbox.discard(action.refusal.id);
        break;
    }
  }

  protected deleteConfirmed(): void {
    const message = this.deleting();
    this.confirmDeletion().nativeElement.close();
    this.deleting.set(null);
    if (message) {
      if (this.editing()?.id === message.id) {
        this.editing.set(null);
      }
      this.change('delete', message);
    }
  }

  protected async sendReport(): Promise<void> {
    const message = this.reporting();
    const reason = this.reportReason.trim();
    if (!message || !reason) {
      return;
    }
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: ReportMessageDocument,
          variables: { conversationId: this.conversationId(), messageId: message.id, reason },
        }),
      );
      this.reportStatus.set({ sent: true, text: 'Thank you: administrators will look at it.' });
    } catch (error) {
      this.reportStatus.set({
        sent: false,
        text: CombinedGraphQLErrors.is(error)
          ? error.errors.map((refused) => refused.message).join('; ')
          : 'The report could not be sent: try again when online.',
      });
    }
  }

  protected closeReport(): void {
    this.reportDialog().nativeElement.close();
    this.reporting.set(null);
  }

  /**
   * Shows the message {@code id}, loading older pages until it is among them (a bounded number of
   * pages back), and makes it stand out for a moment.
   */
  private async openMessage(id: string): Promise<void> {
    for (let page = 0; page < QUOTE_PAGES_SEARCHED && !this.shows(id) && this.nextToken(); page++) {
      await this.loadOlder();
    }
    const element = document.getElementById(`message-${id}`);
    if (!element) {
      return;
    }
    element.scrollIntoView({ block: 'center' });
    this.readingPosition.scrolled();
    this.highlighted.set(id);
    setTimeout(
      () => this.highlighted.update((shown) => (shown === id ? null : shown)),
      HIGHLIGHT_MS,
    );
  }

  private shows(id: string): boolean {
    return this.messages().some((message) => message.id === id);
  }

  private change(kind: MessageChange['kind'], message: Message, value?: string): void {
    this.outbox.add({
      kind,
      id: crypto.randomUUID(),
      conversationId: this.conversationId(),
      messageId: message.id,
      sender: this.me(),
      senderName: this.session.username(),
      madeAt: new Date().toISOString(),
      ...(value === undefined ? {} : { value }),
    });
  }
}

import { Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { Avatar } from '../ui/avatar';
import { Menu, MenuItem } from '../ui/menu';
import { ReactionChoices } from './emoji';
import { DELIVERY_LABEL, deliveryOf } from './delivery';
import { withLinks } from './links';
import { MessageContent } from './message-content';
import { Message } from './messages';
import { segments } from './mentions';
import { Refusal } from './outbox-merge';
import { RelativeTimePipe } from './relative-time';

/** How long a touch stays on a message before its actions open, as a long press. */
const LONG_PRESS_MS = 500;

/** What the reader does with a message. */
export type MessageAction =
  | { kind: 'react' | 'unreact'; message: Message; emoji: string }
  | { kind: 'reply' | 'edit' | 'delete' | 'report'; message: Message }
  | { kind: 'open-quoted'; message: Message; quotedId: string }
  | { kind: 'retry' | 'discard'; message: Message; refusal: Refusal };

/**
 * One message of a conversation: who wrote it (with their avatar, on the first of a group of
 * theirs, and never on mine), the message it replies to, its content with its
 * mentions, its reactions as chips that toggle mine, whether it was edited or deleted, how far mine
 * got (a clock while on its way, two checks once stored, "Not sent" with Retry once refused), and a menu of what the reader may do with it, opened by its button (shown on hover or
 * focus), or by a long press or a right click on the message.
 */
@Component({
  selector: 'li[appMessage]',
  imports: [Avatar, Menu, MenuItem, MessageContent, RelativeTimePipe],
  templateUrl: './message-view.html',
  host: {
    class: 'message',
    '[class.mine]': 'mine()',
    '[class.deleted]': 'message().deleted',
    '[class.group-start]': 'groupStart()',
    '[attr.id]': "'message-' + message().id",
    '(contextmenu)': 'openActions($event)',
    '(pointerdown)': 'pressStarted($event)',
    '(pointerup)': 'pressEnded()',
    '(pointercancel)': 'pressEnded()',
    '(pointermove)': 'pressEnded()',
  },
})
export class MessageView {
  protected readonly choices = inject(ReactionChoices);

  readonly message = input.required<Message>();
  /** Whether it opens a group of its author's messages, and so shows who wrote it. */
  readonly groupStart = input(true);
  /** The reader's user id. */
  readonly me = input.required<string>();
  /** Whether the reader administers the server, and so may delete any message. */
  readonly admin = input(false);
  readonly refusal = input<Refusal>();
  readonly now = input.required<Date>();
  /** "Seen by …", under my latest message that others have read. */
  readonly seenBy = input<string>();
  readonly action = output<MessageAction>();

  private readonly actions = viewChild<Menu>('actions');
  private press?: ReturnType<typeof setTimeout>;

  protected readonly mine = computed(() => this.message().sender === this.me());
  protected readonly delivery = computed(() =>
    deliveryOf(this.message(), this.refusal() !== undefined),
  );
  protected readonly deliveryLabel = DELIVERY_LABEL;
  protected readonly authorName = computed(
    () => this.message().author?.username ?? this.message().sender ?? '',
  );
  protected readonly segments = computed(() =>
    withLinks(segments(this.message().content, this.message().mentions, this.me())),
  );
  protected readonly mentionsMe = computed(() =>
    this.message().mentions.some((user) => user.id === this.me()),
  );
  /** A blocked author's message stays folded until the reader asks to see it. */
  protected readonly shown = signal(false);

  protected react(emoji: string): void {
    this.choices.used(emoji);
    const mine = this.message().reactions.some(
      (reaction) => reaction.emoji === emoji && reaction.reactedByMe,
    );
    this.action.emit({ kind: mine ? 'unreact' : 'react', message: this.message(), emoji });
  }

  protected act(kind: 'reply' | 'edit' | 'delete' | 'report'): void {
    this.action.emit({ kind, message: this.message() });
  }

  protected openQuoted(quotedId: string): void {
    this.action.emit({ kind: 'open-quoted', message: this.message(), quotedId });
  }

  protected retry(refusal: Refusal): void {
    this.action.emit({ kind: 'retry', message: this.message(), refusal });
  }

  protected discard(refusal: Refusal): void {
    this.action.emit({ kind: 'discard', message: this.message(), refusal });
  }

  protected openActions(event: Event): void {
    const actions = this.actions();
    if (actions) {
      event.preventDefault();
      actions.show(0);
    }
  }

  protected pressStarted(event: PointerEvent): void {
    if (event.pointerType === 'touch') {
      this.press = setTimeout(() => this.openActions(event), LONG_PRESS_MS);
    }
  }

  protected pressEnded(): void {
    clearTimeout(this.press);
  }
}

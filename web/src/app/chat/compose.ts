import {
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  effect,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Message } from './messages';
import { Mentioned, MentionTyped, completeMention, membersMatching, mentionAt } from './mentions';

/**
 * The box to write in: a new message, a reply to {@code replyingTo}, or the new content of
 * {@code editing}. It grows with its lines up to a few; Enter sends, Shift+Enter starts a new line.
 * Typing @ offers the conversation's members to mention, as a combobox: the arrows
 * move among them, Enter or Tab takes one, Escape closes the list. Escape also stops replying or
 * editing; ArrowUp in an empty box edits my last message.
 */
@Component({
  selector: 'app-compose',
  imports: [FormsModule],
  templateUrl: './compose.html',
})
export class Compose {
  readonly replyingTo = input<Message | null>(null);
  readonly editing = input<Message | null>(null);
  /** Who may be mentioned. */
  readonly members = input<Mentioned[]>([]);
  readonly sent = output<string>();
  readonly edited = output<{ message: Message; content: string }>();
  /** Replying or editing stops. */
  readonly cancelled = output<void>();
  /** ArrowUp in an empty box: the reader wants to edit their last message. */
  readonly editLast = output<void>();
  /** Whether the reader is writing a new message: told as they type, and when they leave the box. */
  readonly drafting = output<boolean>();

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  protected readonly draft = signal('');
  private readonly typed = signal<MentionTyped | null>(null);
  protected readonly suggestions = computed(() => {
    const typed = this.typed();
    return typed ? membersMatching(this.members(), typed.prefix) : [];
  });
  protected readonly active = signal(0);

  constructor() {
    afterRenderEffect({
      write: () => {
        this.draft();
        this.fitLines();
      },
    });
    effect(() => {
      const editing = this.editing();
      const replyingTo = this.replyingTo();
      untracked(() => {
        if (editing) {
          this.draft.set(editing.content);
        }
        if (editing || replyingTo) {
          this.box().nativeElement.focus();
        }
      });
    });
  }

  protected submit(): void {
    const content = this.draft().trim();
    const editing = this.editing();
    if (!content) {
      return;
    }
    this.draft.set('');
    this.typed.set(null);
    if (editing) {
      if (content !== editing.content) {
        this.edited.emit({ message: editing, content });
      } else {
        this.cancelled.emit();
      }
    } else {
      this.sent.emit(content);
    }
  }

  protected cancel(): void {
    if (this.editing()) {
      this.draft.set('');
    }
    this.cancelled.emit();
    this.box().nativeElement.focus();
  }

  protected typing(draft: string): void {
    this.draft.set(draft);
    if (!this.editing()) {
      this.drafting.emit(draft.trim() !== '');
    }
    const box = this.box().nativeElement;
    this.typed.set(mentionAt(draft, box.selectionStart ?? draft.length));
    this.active.set(0);
  }

  protected keydown(event: KeyboardEvent): void {
    const suggestions = this.suggestions();
    if (suggestions.length > 0) {
      const moves: Record<string, number> = {
        ArrowDown: this.active() + 1,
        ArrowUp: this.active() - 1,
      };
      if (event.key in moves) {
        event.preventDefault();
        this.active.set((moves[event.key] + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.mention(suggestions[this.active()]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.typed.set(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    } else if (event.key === 'Escape' && (this.editing() || this.replyingTo())) {
      event.preventDefault();
      this.cancel();
    } else if (event.key === 'ArrowUp' && this.draft() === '' && !this.editing()) {
      event.preventDefault();
      this.editLast.emit();
    }
  }

  /** Makes the box as tall as its lines, which its style caps at a few before it scrolls. */
  private fitLines(): void {
    const box = this.box().nativeElement;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }

  protected mention(member: Mentioned): void {
    const typed = this.typed();
    if (!typed) {
      return;
    }
    const box = this.box().nativeElement;
    const completed = completeMention(
      this.draft(),
      box.selectionStart ?? this.draft().length,
      typed,
      member.username,
    );
    this.draft.set(completed.draft);
    this.typed.set(null);
    box.value = completed.draft;
    box.setSelectionRange(completed.caret, completed.caret);
    box.focus();
  }
}

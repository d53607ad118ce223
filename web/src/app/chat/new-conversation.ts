import { Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { Analytics } from '../analytics/analytics';
import { Session } from '../auth/session';
import { Avatar } from '../ui/avatar';
import { defaultName, titleFor } from './conversation-title';
import { Mentioned } from './mentions';
import { StartConversationDocument } from './people.generated';
import { peopleMatching } from './people-search';

/**
 * The "New conversation" button, and the dialog it opens: a searchable list of people to pick, a
 * name (by default all of ours), and the button that starts the conversation and opens it. Escape
 * or Cancel closes it, forgetting what was picked.
 */
@Component({
  selector: 'app-new-conversation',
  imports: [Avatar, FormsModule],
  template: `
    <button type="button" class="new-conversation" (click)="open()">New conversation</button>
    <dialog
      #dialog
      class="dialog new-conversation-dialog"
      aria-labelledby="new-conversation-heading"
      (close)="reset()"
    >
      <form (ngSubmit)="start()">
        <h2 id="new-conversation-heading">New conversation</h2>
        <label for="people-search">Search people</label>
        <input
          #search
          id="people-search"
          name="search"
          type="search"
          autocomplete="off"
          [ngModel]="searched()"
          (ngModelChange)="searched.set($event)"
        />
        <ul class="people-choices" aria-label="People to pick">
          @for (person of shown(); track person.id) {
            <li>
              <label
                ><input
                  type="checkbox"
                  [checked]="picked().has(person.id)"
                  (change)="toggle(person.id)"
                />
                <app-avatar [userId]="person.id" [name]="person.username" />
                <span class="person-name">{{ person.username }}</span></label
              >
            </li>
          } @empty {
            <li class="hint">No one by that name.</li>
          }
        </ul>
        <label for="conversation-name">Name</label>
        <input
          id="conversation-name"
          name="name"
          autocomplete="off"
          [(ngModel)]="name"
          [placeholder]="suggestedName()"
        />
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="dialog-actions">
          <button type="button" class="secondary" (click)="dialog.close()">Cancel</button>
          <button type="submit" [disabled]="picked().size === 0">Start conversation</button>
        </div>
      </form>
    </dialog>
  `,
})
export class NewConversation {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly analytics = inject(Analytics);

  /** Everyone I can start a conversation with. */
  readonly people = input.required<Mentioned[]>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly search = viewChild.required<ElementRef<HTMLInputElement>>('search');

  protected readonly searched = signal('');
  protected readonly picked = signal<Set<string>>(new Set());
  protected readonly error = signal('');
  protected name = '';
  protected readonly shown = computed(() => peopleMatching(this.people(), this.searched()));
  /** The name a conversation with those picked gets unless I give one: all our names. */
  private readonly defaultName = computed(() =>
    defaultName(
      this.people()
        .filter((person) => this.picked().has(person.id))
        .map((person) => person.username),
      this.session.username(),
    ),
  );
  /** The default name as I will see it, without mine. */
  protected readonly suggestedName = computed(() =>
    titleFor(this.defaultName(), this.session.username()),
  );

  protected open(): void {
    this.dialog().nativeElement.showModal();
    this.search().nativeElement.focus();
  }

  protected reset(): void {
    this.searched.set('');
    this.picked.set(new Set());
    this.error.set('');
    this.name = '';
  }

  protected toggle(userId: string): void {
    const picked = new Set(this.picked());
    if (!picked.delete(userId)) {
      picked.add(userId);
    }
    this.picked.set(picked);
  }

  protected async start(): Promise<void> {
    this.error.set('');
    const id = crypto.randomUUID();
    const memberIds = [...this.picked()];
    if (memberIds.length === 0) {
      return;
    }
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
      this.dialog().nativeElement.close();
      await this.router.navigate(['/chat', id]);
    } catch (error) {
      this.error.set(`The conversation could not be started: ${(error as Error).message}`);
    }
  }
}

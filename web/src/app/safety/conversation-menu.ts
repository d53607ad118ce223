import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Menu, MenuItem } from '../ui/menu';
import { Blocking } from './blocking';
import { Member, Memberships } from './memberships';

/**
 * What I can do in a conversation for my own peace: mute it, so that I am not alerted of its
 * messages, and block or unblock each of its other members. Both are mine alone; no one is told.
 */
@Component({
  selector: 'app-conversation-menu',
  imports: [Menu, MenuItem],
  providers: [Blocking],
  host: { class: 'conversation-menu' },
  template: `
    <app-menu label="Conversation actions">
      <button appMenuItem (click)="toggleMuted()">
        {{ muted() ? 'Unmute conversation' : 'Mute conversation' }}
      </button>
      @for (member of others(); track member.id) {
        <button appMenuItem (click)="toggleBlocked(member)">
          {{ blocking.blocked().has(member.id) ? 'Unblock' : 'Block' }} {{ member.username }}
        </button>
      }
    </app-menu>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
  `,
})
export class ConversationMenu {
  private readonly memberships = inject(Memberships);
  protected readonly blocking = inject(Blocking);

  readonly conversationId = input.required<string>();

  protected readonly muted = computed(() => this.memberships.muted(this.conversationId()));
  protected readonly others = computed(() => this.memberships.othersIn(this.conversationId()));
  protected readonly error = signal('');

  constructor() {
    // The members are read again for each conversation shown, one just started included.
    effect(() => {
      this.conversationId();
      untracked(() => this.memberships.refresh());
    });
  }

  protected async toggleMuted(): Promise<void> {
    const muting = !this.muted();
    await this.attempt(`The conversation could not be ${muting ? 'muted' : 'unmuted'}`, () =>
      this.memberships.setMuted(this.conversationId(), muting),
    );
  }

  protected async toggleBlocked(member: Member): Promise<void> {
    const change = this.blocking.blocked().has(member.id) ? 'unblocked' : 'blocked';
    await this.attempt(`${member.username} could not be ${change}`, () =>
      this.blocking.toggle(member.id),
    );
  }

  private async attempt(failure: string, action: () => Promise<void>): Promise<void> {
    this.error.set('');
    try {
      await action();
    } catch (error) {
      this.error.set(`${failure}: ${(error as Error).message}`);
    }
  }
}

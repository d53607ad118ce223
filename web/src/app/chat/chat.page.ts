import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { presenceFeed } from '../presence/presence-feed';
import { ConversationList } from './conversation-list';
import { People } from './people';
import { turns } from './turns';

/**
 * My conversations and everyone I can start one with; the open conversation beside them, or what to
 * do when none is open. While it
 * shows, who is there is followed live, and the server told when I am idle.
 */
@Component({
  selector: 'app-chat',
  imports: [ConversationList, People, RouterOutlet],
  template: `
    <div class="chat" [class.open]="conversationOpen()">
      <aside class="sidebar">
        @if (turn() >= 1) {
          <app-conversation-list />
        }
        @if (turn() >= 2) {
          <app-people />
        }
      </aside>
      <main class="conversation-pane">
        <router-outlet />
        @if (!conversationOpen()) {
          <div class="empty-state">
            <h2>No conversation open</h2>
            <p>Pick one of your conversations, or choose people to start a new one.</p>
          </div>
        }
      </main>
    </div>
  `,
})
export class ChatPage implements OnInit {
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly conversationOpen = signal(false);

  constructor() {
    presenceFeed();
  }

  /**
   * The side bar's parts render after the open conversation, each in a task of its own, so that no
   * one task of the first render holds the main thread long; a phone does not show the side bar
   * while a conversation is open.
   */
  protected readonly turn = turns(2);

  ngOnInit(): void {
    this.trackOpenConversation();
  }

  private trackOpenConversation(): void {
    const update = () => this.conversationOpen.set(/^\/chat\/[^/]+/.test(this.router.url));
    update();
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(update);
  }
}

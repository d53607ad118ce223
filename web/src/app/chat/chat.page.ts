import { Component, DestroyRef, OnInit, afterNextRender, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { ChatSidebar } from './chat-sidebar';

/** My conversations and everyone I can start one with; the open conversation beside them. */
@Component({
  selector: 'app-chat',
  imports: [ChatSidebar, RouterOutlet],
  template: `
    <div class="chat" [class.open]="conversationOpen()">
      <aside class="sidebar">
        @if (sidebarShown()) {
          <app-chat-sidebar />
        }
      </aside>
      <main class="conversation-pane">
        <router-outlet />
      </main>
    </div>
  `,
})
export class ChatPage implements OnInit {
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  readonly conversationOpen = signal(false);

  /**
   * Whether the side bar is rendered. It comes in a task of its own, right after the first render
   * of the page and of the open conversation, so that neither holds the main thread long enough to
   * keep a slow phone from answering; and a phone does not show the side bar while a conversation is
   * open.
   */
  readonly sidebarShown = signal(false);

  constructor() {
    afterNextRender(() => {
      const showing = setTimeout(() => this.sidebarShown.set(true));
      this.destroyRef.onDestroy(() => clearTimeout(showing));
    });
  }

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

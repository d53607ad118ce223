import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { UnreadTotalDocument, UnreadTotalQuery } from './reading.generated';

const APP_NAME = 'ChatQL';

/** "(3) ChatQL": the page's title, after how many messages are unread, if any are. */
export function unreadTitle(title: string, unread: number): string {
  return unread > 0 ? `(${unread}) ${title}` : title;
}

/** The installed app's badge, where the browser has the Badging API. */
export type AppBadge = Partial<Pick<Navigator, 'setAppBadge' | 'clearAppBadge'>>;

/** Shows the count on the installed app's icon, where the browser can; none when it is 0. */
export function showOnAppBadge(unread: number, badge: AppBadge = navigator): void {
  const shown = unread > 0 ? badge.setAppBadge?.(unread) : badge.clearAppBadge?.();
  // Refused, as where the app is not installed: the title still tells.
  shown?.catch(() => undefined);
}

/**
 * Titles each page as its route does, after the number of my unread messages, which the installed
 * app's badge shows too. The number is my unread total as the cache has it, which the conversation
 * list keeps exact, also from before the app last closed.
 */
@Injectable({ providedIn: 'root' })
export class UnreadTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly apollo = inject(Apollo);
  private readonly routeTitle = signal(APP_NAME);
  private readonly unread = signal(0);
  private watching = false;

  constructor() {
    super();
    effect(() => this.title.setTitle(unreadTitle(this.routeTitle(), this.unread())));
    effect(() => showOnAppBadge(this.unread()));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeTitle.set(this.buildTitle(snapshot) ?? APP_NAME);
    // Watched from the first navigation, once the cache kept from before is back.
    if (!this.watching) {
      this.watching = true;
      this.watchUnread();
    }
  }

  private watchUnread(): void {
    this.apollo
      .watchQuery({ query: UnreadTotalDocument, fetchPolicy: 'cache-only' })
      .valueChanges.subscribe((result) =>
        this.unread.set(
          (result.data as UnreadTotalQuery | undefined)?.unreadTotal?.unreadCount ?? 0,
        ),
      );
  }
}

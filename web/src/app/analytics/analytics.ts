import { DestroyRef, Injectable, effect, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { del, get, set } from 'idb-keyval';
import { filter } from 'rxjs';
import { Session } from '../auth/session';
import { offlineStore } from '../offline/offline-store';

/** The kinds of event the client records; the chat events keep the names the original gave them. */
export type AnalyticsEventType =
  'session.start' | 'session.stop' | 'page.view' | 'Chat MSG Sent' | 'New Conversation';

export interface AnalyticsEvent {
  type: AnalyticsEventType;
  timestamp: string;
  sessionId: string;
  attributes?: Record<string, string>;
  durationMs?: number;
}

/** The most events the server takes in one request. */
export const MAX_BATCH = 100;

const QUEUE_KEY = 'analytics';

const SEND_EVERY_MS = 30_000;

/** The server refuses events older than a week: older ones are not sent. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000 - 60 * 60 * 1000;

/**
 * Records what users do (sessions, page views, messages sent, conversations started) and sends it
 * to the server in batches. Events wait in IndexedDB until the server has them, so that those
 * recorded offline are sent when the network is back. A session lasts while the app is visible.
 */
@Injectable({ providedIn: 'root' })
export class Analytics {
  private readonly session = inject(Session);

  private queue: AnalyticsEvent[] = [];

  private sessionId = '';

  private sessionStartedAt = 0;

  private sending?: Promise<void>;

  private pausedUntil = 0;

  constructor() {
    effect(() => {
      if (this.session.signedIn()) {
        this.beginSession();
      }
    });
  }

  /** Reads back what waited to be sent, and records from now on. */
  async start(router: Router, destroyRef: DestroyRef): Promise<void> {
    try {
      this.queue = [
        ...((await get<AnalyticsEvent[]>(QUEUE_KEY, offlineStore())) ?? []),
        ...this.queue,
      ];
    } catch {
      // No IndexedDB: events are still sent, but do not outlive the page.
    }
    const navigations = router.events
      .pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe((event) => this.record('page.view', { path: pathOf(event.urlAfterRedirects) }));
    const visibility = () => {
      if (document.visibilityState === 'hidden') {
        this.endSession();
        this.send(true);
      } else {
        this.beginSession();
      }
    };
    const online = () => this.send();
    const sendRegularly = setInterval(() => this.send(), SEND_EVERY_MS);
    document.addEventListener('visibilitychange', visibility);
    addEventListener('online', online);
    destroyRef.onDestroy(() => {
      navigations.unsubscribe();
      clearInterval(sendRegularly);
      document.removeEventListener('visibilitychange', visibility);
      removeEventListener('online', online);
    });
  }

  /** Records one event of the signed-in user's current session. */
  record(type: AnalyticsEventType, attributes?: Record<string, string>, durationMs?: number): void {
    if (!this.session.signedIn() || !this.sessionId) {
      return;
    }
    const event: AnalyticsEvent = {
      type,
      timestamp: new Date().toISOString(),
      sessionId: this.sessionId,
      ...(attributes ? { attributes } : {}),
      ...(durationMs === undefined ? {} : { durationMs }),
    };
    this.queue.push(event);
    this.keep();
  }

  /** Ends the session, as on sign-out, and sends what waits while the user can still be named. */
  async endSessionAndSend(): Promise<void> {
    this.endSession();
    await this.send();
  }

  /** Forgets what waits to be sent, as on sign-out. */
  async clear(): Promise<void> {
    this.queue = [];
    this.sessionId = '';
    await del(QUEUE_KEY, offlineStore()).catch(() => undefined);
  }

  /**
   * Sends what waits, a batch at a time, unless a send runs already; {@code leaving} keeps the
   * request alive while the page goes away.
   */
  send(leaving = false): Promise<void> {
    this.sending ??= this.sendBatches(leaving).finally(() => (this.sending = undefined));
    return this.sending;
  }

  private beginSession(): void {
    if (this.sessionId || !this.session.signedIn()) {
      return;
    }
    this.sessionId = crypto.randomUUID();
    this.sessionStartedAt = Date.now();
    this.record('session.start');
  }

  private endSession(): void {
    if (!this.sessionId) {
      return;
    }
    this.record('session.stop', undefined, Date.now() - this.sessionStartedAt);
    this.sessionId = '';
  }

  private async sendBatches(leaving: boolean): Promise<void> {
    const oldest = Date.now() - MAX_AGE_MS;
    this.queue = this.queue.filter((event) => Date.parse(event.timestamp) > oldest);
    while (this.queue.length > 0 && Date.now() >= this.pausedUntil) {
      const token = await this.session.accessToken();
      if (!token) {
        return;
      }
      const batch = this.queue.slice(0, MAX_BATCH);
      let answer: Response;
      try {
        answer = await fetch('/analytics/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ events: batch }),
          keepalive: leaving,
        });
      } catch {
        return; // offline: the events wait for the network
      }
      if (answer.status === 429) {
        this.pausedUntil = Date.now() + 1000 * (Number(answer.headers.get('Retry-After')) || 60);
        return;
      }
      if (answer.status >= 500 || answer.status === 401) {
        return;
      }
      // Taken (202), or refused as a whole (400), which sending again would not mend.
      this.queue = this.queue.filter((event) => !batch.includes(event));
      await this.keep();
    }
  }

  private async keep(): Promise<void> {
    await set(QUEUE_KEY, this.queue, offlineStore()).catch(() => undefined);
  }
}

/** A page's path without its ids, so that page views add up per screen. */
export function pathOf(url: string): string {
  return url.split(/[?#]/)[0].replace(/^\/chat\/.+/, '/chat/:conversationId');
}

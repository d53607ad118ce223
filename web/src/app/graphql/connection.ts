import { Injectable, computed, signal } from '@angular/core';

/**
 * Whether the app can reach the server: the browser's network state, and whether the real-time
 * connection is open. Components show it, and catch up when it comes back.
 */
@Injectable({ providedIn: 'root' })
export class Connection {
  private readonly network = signal(navigator.onLine);

  private readonly socket = signal(false);

  /** How many times the real-time connection has opened; a change after the first is a reconnect. */
  readonly openings = signal(0);

  readonly online = computed(() => this.network() && this.socket());

  constructor() {
    addEventListener('online', () => this.network.set(true));
    addEventListener('offline', () => this.network.set(false));
  }

  socketOpened(): void {
    this.socket.set(true);
    this.openings.update((count) => count + 1);
  }

  socketClosed(): void {
    this.socket.set(false);
  }
}

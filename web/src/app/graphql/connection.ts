import { DestroyRef, Injectable, computed, signal } from '@angular/core';

/**
 * Whether the app can reach the server: the browser's network state, and whether the real-time
 * connection is open. Components show it, and catch up on what they missed when it comes back.
 */
@Injectable({ providedIn: 'root' })
export class Connection {
  private readonly network = signal(navigator.onLine);

  private readonly socket = signal(false);

  private openedBefore = false;

  private readonly reconnectListeners = new Set<() => void>();

  readonly online = computed(() => this.network() && this.socket());

  constructor() {
    addEventListener('online', () => this.network.set(true));
    addEventListener('offline', () => this.network.set(false));
  }

  /** Runs {@code catchUp} each time the real-time connection opens again after it was lost. */
  afterEachReconnect(catchUp: () => void, destroyRef: DestroyRef): void {
    this.reconnectListeners.add(catchUp);
    destroyRef.onDestroy(() => this.reconnectListeners.delete(catchUp));
  }

  socketOpened(): void {
    this.socket.set(true);
    if (this.openedBefore) {
      this.reconnectListeners.forEach((catchUp) => catchUp());
    }
    this.openedBefore = true;
  }

  socketClosed(): void {
    this.socket.set(false);
  }
}

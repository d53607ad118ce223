import { DestroyRef, Injectable, computed, signal } from '@angular/core';

const NORMAL_CLOSURE = 1000;

/**
 * Whether the app can reach the server: the browser's network state, and whether the real-time
 * connection was lost. Components show it, and catch up on what they missed when it comes back.
 */
@Injectable({ providedIn: 'root' })
export class Connection {
  private readonly network = signal(navigator.onLine);

  private readonly socketLost = signal(false);

  private openedBefore = false;

  /** Whether the real-time connection could not open before it first did, as when offline. */
  private failedBeforeOpening = false;

  private readonly reconnectListeners = new Set<() => void>();

  readonly online = computed(() => this.network() && !this.socketLost());

  constructor() {
    addEventListener('online', () => this.network.set(true));
    addEventListener('offline', () => this.network.set(false));
  }

  /**
   * Runs {@code catchUp} each time the real-time connection opens again after it was lost, and when
   * it first opens after it could not, as for an app that started offline.
   */
  afterEachReconnect(catchUp: () => void, destroyRef: DestroyRef): void {
    this.reconnectListeners.add(catchUp);
    destroyRef.onDestroy(() => this.reconnectListeners.delete(catchUp));
  }

  socketOpened(): void {
    this.socketLost.set(false);
    if (this.openedBefore || this.failedBeforeOpening) {
      this.reconnectListeners.forEach((catchUp) => catchUp());
    }
    this.openedBefore = true;
  }

  /**
   * The real-time connection closed: lost, unless the client closed it normally (code 1000) because
   * no screen needed it any more.
   */
  socketClosed(code: number | undefined): void {
    this.socketLost.set(code !== NORMAL_CLOSURE);
    this.failedBeforeOpening ||= !this.openedBefore && code !== NORMAL_CLOSURE;
  }
}

import { Injectable, inject } from '@angular/core';
import { InMemoryCache, NormalizedCacheObject } from '@apollo/client';
import { del, get, set } from 'idb-keyval';
import { Session } from '../auth/session';
import { cacheTypePolicies } from '../graphql/cache';
import { offlineStore } from './offline-store';

const SNAPSHOT_KEY = 'apollo-cache';

/** Changes are written to IndexedDB at most this often. */
const SAVE_DELAY_MS = 1_000;

interface Snapshot {
  userId: string;
  data: NormalizedCacheObject;
}

/** An InMemoryCache that reports each change it broadcasts to its watchers. */
class ObservedCache extends InMemoryCache {
  constructor(private readonly changed: () => void) {
    super({ typePolicies: cacheTypePolicies });
  }

  protected override broadcastWatches(...args: Parameters<InMemoryCache['broadcastWatches']>) {
    super.broadcastWatches(...args);
    this.changed?.();
  }
}

/**
 * The Apollo cache, kept in IndexedDB for the signed-in user, so that the users, conversations and
 * messages seen before are there when the app opens again, with or without network. Only what the
 * server answered is kept; messages waiting to be sent live in the outbox.
 */
@Injectable({ providedIn: 'root' })
export class PersistedCache {
  private readonly session = inject(Session);

  readonly cache = new ObservedCache(() => this.saveSoon());

  private restored = false;

  private pendingSave?: ReturnType<typeof setTimeout>;

  constructor() {
    addEventListener('pagehide', () => this.saveNow());
  }

  /** Puts back what the cache held for the signed-in user when the app last ran. */
  async restore(): Promise<void> {
    try {
      const snapshot = await get<Snapshot>(SNAPSHOT_KEY, offlineStore());
      if (snapshot && snapshot.userId === this.session.userId()) {
        this.cache.restore(snapshot.data);
      }
    } catch {
      // No IndexedDB (a private window of some browsers): the app works, without offline data.
    } finally {
      this.restored = true;
    }
  }

  /** Forgets the kept cache, as on sign-out. */
  async clear(): Promise<void> {
    clearTimeout(this.pendingSave);
    this.pendingSave = undefined;
    await del(SNAPSHOT_KEY, offlineStore()).catch(() => undefined);
  }

  private saveSoon(): void {
    this.pendingSave ??= setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  private saveNow(): void {
    clearTimeout(this.pendingSave);
    this.pendingSave = undefined;
    const userId = this.session.userId();
    if (!this.restored || !userId) {
      return;
    }
    const snapshot: Snapshot = { userId, data: this.cache.extract() };
    set(SNAPSHOT_KEY, snapshot, offlineStore()).catch(() => undefined);
  }
}

import { UseStore, createStore } from 'idb-keyval';

let store: UseStore | undefined;

/**
 * The IndexedDB store that keeps what the app needs with no network: the Apollo cache and the outbox.
 * Opened on first use.
 */
export function offlineStore(): UseStore {
  store ??= createStore('chatql', 'offline');
  return store;
}

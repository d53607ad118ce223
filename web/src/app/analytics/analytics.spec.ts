import 'fake-indexeddb/auto';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { clear, get } from 'idb-keyval';
import { Session } from '../auth/session';
import { offlineStore } from '../offline/offline-store';
import { Analytics, AnalyticsEvent, MAX_BATCH, pathOf } from './analytics';

/** Answers the event requests with the statuses given, in turn, and keeps what was sent. */
function serverAnswering(...statuses: (number | 'offline')[]) {
  const batches: AnalyticsEvent[][] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
      if (status === 'offline') {
        throw new TypeError('Failed to fetch');
      }
      batches.push(JSON.parse(String(init.body)).events);
      return new Response(null, { status, headers: { 'Retry-After': '30' } });
    }),
  );
  return batches;
}

function startAnalytics(): Analytics {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [
      {
        provide: Session,
        useValue: { signedIn: signal(true), accessToken: async () => 'token' },
      },
    ],
  });
  const analytics = TestBed.inject(Analytics);
  TestBed.tick();
  return analytics;
}

const waiting = async () => (await get<AnalyticsEvent[]>('analytics', offlineStore())) ?? [];

describe('Analytics', () => {
  beforeEach(async () => clear(offlineStore()));
  afterEach(() => vi.unstubAllGlobals());

  it('starts a session for the signed-in user and sends its events', async () => {
    const batches = serverAnswering(202);
    const analytics = startAnalytics();

    analytics.record('Chat MSG Sent', { conversationId: 'c1' });
    await analytics.send();

    expect(batches).toHaveLength(1);
    expect(batches[0].map((event) => event.type)).toEqual(['session.start', 'Chat MSG Sent']);
    expect(new Set(batches[0].map((event) => event.sessionId)).size).toBe(1);
    expect(await waiting()).toEqual([]);
  });

  it('ends a session with its duration', async () => {
    const batches = serverAnswering(202);
    const analytics = startAnalytics();

    await analytics.endSessionAndSend();

    const stop = batches[0].find((event) => event.type === 'session.stop');
    expect(stop?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends at most a batch at a time', async () => {
    const batches = serverAnswering(202);
    const analytics = startAnalytics();

    for (let i = 0; i < MAX_BATCH + 20; i++) {
      analytics.record('page.view', { path: '/chat' });
    }
    await analytics.send();

    expect(batches.map((batch) => batch.length)).toEqual([MAX_BATCH, 21]);
  });

  it('keeps the events in IndexedDB while the server cannot be reached', async () => {
    serverAnswering('offline');
    const analytics = startAnalytics();

    analytics.record('New Conversation', { members: '2' });
    await analytics.send();

    expect((await waiting()).map((event) => event.type)).toEqual([
      'session.start',
      'New Conversation',
    ]);
  });

  it('waits as long as the server asks when it gets too many', async () => {
    const batches = serverAnswering(429, 202);
    const analytics = startAnalytics();

    await analytics.send();
    await analytics.send();

    expect(batches).toHaveLength(1);
    expect(await waiting()).toHaveLength(1);
  });

  it('lets go of a batch the server refuses, which sending again would not mend', async () => {
    serverAnswering(400);
    const analytics = startAnalytics();

    await analytics.send();

    expect(await waiting()).toEqual([]);
  });
});

describe('pathOf', () => {
  it('counts every conversation as one screen', () => {
    expect(pathOf('/chat/1234-abcd?x=1')).toBe('/chat/:conversationId');
    expect(pathOf('/chat')).toBe('/chat');
  });
});

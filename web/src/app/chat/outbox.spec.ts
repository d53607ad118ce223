import 'fake-indexeddb/auto';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { clear } from 'idb-keyval';
import { Observable, of, throwError } from 'rxjs';
import { Session } from '../auth/session';
import { offlineStore } from '../offline/offline-store';
import { Outbox, OutgoingMessage } from './outbox';
import { waitingChange } from './stored-message.testing';

interface Mutation {
  mutation: { definitions: { name?: { value: string } }[] };
  variables: { id?: string; messageId?: string };
}

/**
 * Answers mutations as the test says, and notes the id of each message sent or changed, and which
 * mutation each was.
 */
class FakeApollo {
  readonly sent: string[] = [];
  readonly mutations: string[] = [];

  answer: (id: string) => Observable<unknown> = () => of({ data: null });

  mutate(options: Mutation): Observable<unknown> {
    const id = options.variables.id ?? options.variables.messageId ?? '';
    this.sent.push(id);
    this.mutations.push(options.mutation.definitions[0].name?.value ?? '');
    return this.answer(id);
  }
}

const unreachable = () => throwError(() => new TypeError('Failed to fetch'));

function refused(classification: string, reason = classification) {
  return throwError(
    () =>
      new CombinedGraphQLErrors({ errors: [{ message: reason, extensions: { classification } }] }),
  );
}

function message(id: string): OutgoingMessage {
  return {
    id,
    conversationId: 'c1',
    content: `content of ${id}`,
    createdAt: '2026-11-25T10:00:00.000Z',
    sender: 'u1',
    senderName: 'alice',
  };
}

function startOutbox(apollo: FakeApollo): Outbox {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [
      { provide: Apollo, useValue: apollo },
      { provide: Session, useValue: { userId: signal('u1') } },
    ],
  });
  return TestBed.inject(Outbox);
}

describe('Outbox', () => {
  beforeEach(async () => clear(offlineStore()));

  it('sends messages in the order they were written, and lets go of each once stored', async () => {
    const apollo = new FakeApollo();
    const outbox = startOutbox(apollo);

    await outbox.add(message('m1'));
    await outbox.add(message('m2'));

    await vi.waitFor(() => expect(outbox.items()).toEqual([]));
    expect(apollo.sent).toEqual(['m1', 'm2']);
  });

  it('sends changes to messages in the order made, after the message they change', async () => {
    const apollo = new FakeApollo();
    const outbox = startOutbox(apollo);

    await outbox.add(message('m1'));
    await outbox.add(waitingChange('edit', 'm1', 'fixed'));
    await outbox.add(waitingChange('react', 'm1', '👍'));
    await outbox.add(waitingChange('unreact', 'm1', '👍'));
    await outbox.add(waitingChange('delete', 'm1'));

    await vi.waitFor(() => expect(outbox.items()).toEqual([]));
    expect(apollo.mutations).toEqual([
      'createMessage',
      'editMessage',
      'addReaction',
      'removeReaction',
      'deleteMessage',
    ]);
  });

  it('keeps changes made offline, in order, and sends them once the network is back', async () => {
    const apollo = new FakeApollo();
    apollo.answer = unreachable;
    const outbox = startOutbox(apollo);

    await outbox.add(waitingChange('edit', 'm1', 'fixed'));
    await outbox.add(waitingChange('react', 'm2', '🎉'));
    await vi.waitFor(() => expect(apollo.sent).toContain('m1'));
    expect(apollo.sent).not.toContain('m2');
    expect(outbox.items()).toEqual([
      waitingChange('edit', 'm1', 'fixed'),
      waitingChange('react', 'm2', '🎉'),
    ]);

    apollo.answer = () => of({ data: null });
    dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(outbox.items()).toEqual([]));
    expect(apollo.sent.slice(-2)).toEqual(['m1', 'm2']);
  });

  it('keeps a message while the server cannot be reached, and sends it when the network is back', async () => {
    const apollo = new FakeApollo();
    apollo.answer = unreachable;
    const outbox = startOutbox(apollo);

    await outbox.add(message('m1'));
    await vi.waitFor(() => expect(apollo.sent).toEqual(['m1']));
    expect(outbox.items()).toEqual([message('m1')]);

    apollo.answer = () => of({ data: null });
    dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(outbox.items()).toEqual([]));
    expect(apollo.sent).toEqual(['m1', 'm1']);
  });

  it('keeps waiting messages across a restart of the app, and sends them then', async () => {
    const offline = new FakeApollo();
    offline.answer = unreachable;
    await startOutbox(offline).add(message('m1'));
    await vi.waitFor(() => expect(offline.sent).toEqual(['m1']));

    const online = new FakeApollo();
    const restarted = startOutbox(online);
    await restarted.restore();

    await vi.waitFor(() => expect(online.sent).toEqual(['m1']));
    await vi.waitFor(() => expect(restarted.items()).toEqual([]));
  });

  it.each(['BAD_REQUEST', 'FORBIDDEN'])(
    'marks a message refused as %s, never sends it again, and sends the next ones',
    async (classification) => {
      const apollo = new FakeApollo();
      apollo.answer = (id) =>
        id === 'm1' ? refused(classification, 'refused') : of({ data: null });
      const outbox = startOutbox(apollo);

      await outbox.add(message('m1'));
      await outbox.add(message('m2'));

      await vi.waitFor(() =>
        expect(outbox.items()).toEqual([{ ...message('m1'), refusal: 'refused' }]),
      );
      expect(apollo.sent).toEqual(['m1', 'm2']);
    },
  );

  it('sends a refused message again when asked to retry, and forgets it once stored', async () => {
    const apollo = new FakeApollo();
    apollo.answer = () => refused('BAD_REQUEST', 'refused');
    const outbox = startOutbox(apollo);
    await outbox.add(message('m1'));
    await vi.waitFor(() => expect(outbox.items()[0]?.refusal).toBe('refused'));

    apollo.answer = () => of({ data: null });
    await outbox.sendAgain('m1');

    await vi.waitFor(() => expect(outbox.items()).toEqual([]));
    expect(apollo.sent).toEqual(['m1', 'm1']);
  });

  it('keeps, to try again, a message that met an error of the server itself', async () => {
    const apollo = new FakeApollo();
    apollo.answer = () => refused('INTERNAL_ERROR');
    const outbox = startOutbox(apollo);

    await outbox.add(message('m1'));
    await vi.waitFor(() => expect(apollo.sent).toEqual(['m1']));

    expect(outbox.items()).toEqual([message('m1')]);
  });

  // Without vi.waitFor, which would move the fake clock.
  describe('with a clock', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
    afterEach(() => vi.useRealTimers());

    it('sends again after a second a message the database could not take, with the same id', async () => {
      const apollo = new FakeApollo();
      apollo.answer = () => refused('UNAVAILABLE');
      const outbox = startOutbox(apollo);

      await outbox.add(message('m1'));
      await vi.advanceTimersByTimeAsync(999);
      expect(apollo.sent).toEqual(['m1']);
      expect(outbox.items()).toEqual([message('m1')]);

      apollo.answer = () => of({ data: null });
      await vi.advanceTimersByTimeAsync(1);

      expect(apollo.sent).toEqual(['m1', 'm1']);
      expect(outbox.items()).toEqual([]);
    });

    it('waits twice as long after each try that fails, up to half a minute', async () => {
      const apollo = new FakeApollo();
      apollo.answer = unreachable;
      const outbox = startOutbox(apollo);
      await outbox.add(message('m1'));

      for (const [delay, tries] of [
        [1_000, 2],
        [2_000, 3],
        [4_000, 4],
        [8_000, 5],
        [16_000, 6],
        [30_000, 7],
        [30_000, 8],
      ]) {
        await vi.advanceTimersByTimeAsync(delay - 1);
        expect(apollo.sent).toHaveLength(tries - 1);
        await vi.advanceTimersByTimeAsync(1);
        expect(apollo.sent).toHaveLength(tries);
      }
      expect(outbox.items()).toEqual([message('m1')]);
    });
  });
});

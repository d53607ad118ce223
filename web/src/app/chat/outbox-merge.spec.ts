import { OutgoingMessage } from './outbox';
import { refusalsOf, withPending, withWaiting } from './outbox-merge';
import { storedMessage, waitingChange } from './stored-message.testing';

function waiting(id: string, refusal?: string): OutgoingMessage {
  return {
    id,
    conversationId: 'c1',
    content: `content of ${id}`,
    createdAt: '2026-11-25T10:01:00.000Z',
    sender: 'u1',
    senderName: 'alice',
    ...(refusal ? { refusal } : {}),
  };
}

describe('withWaiting', () => {
  it('shows the stored messages oldest first, then those waiting, in the order written', () => {
    const shown = withWaiting(
      [storedMessage('m2'), storedMessage('m1')],
      [waiting('m3'), waiting('m4')],
    );

    expect(shown.map((message) => message.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('shows a waiting message with a gray check, as not sent yet', () => {
    const [shown] = withWaiting([], [waiting('m1')]);

    expect(shown).toMatchObject({ id: 'm1', isSent: false, author: { username: 'alice' } });
  });

  it('shows a waiting message the server has stored already once, as stored', () => {
    const shown = withWaiting([storedMessage('m1')], [waiting('m1')]);

    expect(shown).toEqual([storedMessage('m1')]);
  });
});

describe('withPending', () => {
  it('shows a waiting edit as made, edited then', () => {
    const [shown] = withPending([storedMessage('m1')], [waitingChange('edit', 'm1', 'fixed')]);

    expect(shown).toMatchObject({ content: 'fixed', editedAt: '2026-11-25T10:02:00.000Z' });
  });

  it('shows a waiting deletion as a tombstone, and no change after it', () => {
    const [shown] = withPending(
      [storedMessage('m1')],
      [waitingChange('delete', 'm1'), waitingChange('edit', 'm1', 'too late')],
    );

    expect(shown).toMatchObject({ content: '', deleted: true, reactions: [] });
  });

  it('counts my waiting reaction once, among the others', () => {
    const reacted = {
      ...storedMessage('m1'),
      reactions: [
        {
          __typename: 'Reaction' as const,
          emoji: '👍',
          count: 2,
          reactedByMe: false,
          names: ['bob', 'carol'],
        },
      ],
    };

    const [shown] = withPending(
      [reacted],
      [
        waitingChange('react', 'm1', '👍'),
        waitingChange('react', 'm1', '👍'),
        waitingChange('react', 'm1', '🎉'),
      ],
    );

    expect(shown.reactions).toEqual([
      {
        __typename: 'Reaction',
        emoji: '👍',
        count: 3,
        reactedByMe: true,
        names: ['bob', 'carol', 'alice'],
      },
      { __typename: 'Reaction', emoji: '🎉', count: 1, reactedByMe: true, names: ['alice'] },
    ]);
  });

  it('takes my reaction away, and the emoji with it when no one else reacted so', () => {
    const reacted = {
      ...storedMessage('m1'),
      reactions: [
        {
          __typename: 'Reaction' as const,
          emoji: '👍',
          count: 1,
          reactedByMe: true,
          names: ['alice'],
        },
        {
          __typename: 'Reaction' as const,
          emoji: '🎉',
          count: 2,
          reactedByMe: true,
          names: ['bob', 'alice'],
        },
      ],
    };

    const [shown] = withPending(
      [reacted],
      [waitingChange('unreact', 'm1', '👍'), waitingChange('unreact', 'm1', '🎉')],
    );

    expect(shown.reactions).toEqual([
      { __typename: 'Reaction', emoji: '🎉', count: 1, reactedByMe: false, names: ['bob'] },
    ]);
  });

  it('shows a refused change as not made', () => {
    const shown = withPending(
      [storedMessage('m1')],
      [waitingChange('edit', 'm1', 'fixed', 'not yours')],
    );

    expect(shown).toEqual([storedMessage('m1')]);
  });

  it('changes a message still waiting to be sent', () => {
    const [shown] = withWaiting([], [waiting('m1'), waitingChange('edit', 'm1', 'fixed')]);

    expect(shown).toMatchObject({ id: 'm1', isSent: false, content: 'fixed' });
  });
});

describe('refusalsOf', () => {
  it("gives the server's reason for each refused message by its id, and none for the others", () => {
    const refusals = refusalsOf([waiting('m1', 'content is too long'), waiting('m2')]);

    expect([...refusals]).toEqual([['m1', { id: 'm1', reason: 'content is too long' }]]);
  });

  it('gives a refused change by the id of the message it changes, to discard it by its own', () => {
    const refusals = refusalsOf([waitingChange('edit', 'm1', 'fixed', 'not yours')]);

    expect([...refusals]).toEqual([['m1', { id: 'edit of m1', reason: 'not yours' }]]);
  });
});

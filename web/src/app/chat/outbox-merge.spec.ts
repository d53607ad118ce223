import { OutgoingMessage } from './outbox';
import { refusalsOf, withWaiting } from './outbox-merge';
import { storedMessage } from './stored-message.testing';

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

describe('refusalsOf', () => {
  it("gives the server's reason for each refused message by its id, and none for the others", () => {
    const refusals = refusalsOf([waiting('m1', 'content is too long'), waiting('m2')]);

    expect([...refusals]).toEqual([['m1', 'content is too long']]);
  });
});

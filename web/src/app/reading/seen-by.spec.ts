import { GetConversationMessagesQuery } from '../chat/messages.generated';
import { Message } from '../chat/messages';
import { storedMessage } from '../chat/stored-message.testing';
import { seenByLine, withReceipts } from './seen-by';

const alice = { id: 'u1', username: 'alice' };
const bob = { id: 'u2', username: 'bob' };

function user(username: string) {
  return { __typename: 'User' as const, id: `id-${username}`, username };
}

function seenBy(message: Message, ...usernames: string[]): Message {
  return {
    ...message,
    seenBy: { __typename: 'SeenBy', count: usernames.length, users: usernames.map(user) },
  };
}

function page(...messages: Message[]): GetConversationMessagesQuery {
  return { allMessageConnection: { __typename: 'MessageConnection', nextToken: null, messages } };
}

describe('seenByLine', () => {
  it('is under my newest message that others have read', () => {
    const line = seenByLine(
      [
        seenBy(storedMessage('m1', alice), 'bob'),
        seenBy(storedMessage('m2', alice), 'bob', 'carol'),
        storedMessage('m3', alice),
        seenBy(storedMessage('m4', bob), 'carol'),
      ],
      'u1',
    );

    expect(line).toEqual({ messageId: 'm2', text: 'Seen by bob and carol' });
  });

  it('names up to three readers, and counts the others beyond', () => {
    const three = seenBy(storedMessage('m1', alice), 'bob', 'carol', 'dave');
    const four = seenBy(storedMessage('m1', alice), 'bob', 'carol', 'dave', 'erin');

    expect(seenByLine([three], 'u1')?.text).toBe('Seen by bob, carol and dave');
    expect(seenByLine([four], 'u1')?.text).toBe('Seen by bob, carol and 2 others');
  });

  it('is nowhere while no one read any of mine', () => {
    expect(
      seenByLine([storedMessage('m1', alice), seenBy(storedMessage('m2', bob), 'alice')], 'u1'),
    ).toBeNull();
  });
});

describe('withReceipts', () => {
  it("counts a reader for the marker's message and the older ones they did not write", () => {
    const read = withReceipts(
      page(
        storedMessage('m3', alice),
        storedMessage('m2', alice),
        storedMessage('m1', { id: 'id-bob', username: 'bob' }),
      ),
      [{ __typename: 'ReadReceipt', messageId: 'm2', user: user('bob') }],
    );

    expect(read.allMessageConnection?.messages?.map((message) => message?.seenBy.count)).toEqual([
      0, 1, 0,
    ]);
    expect(read.allMessageConnection?.messages?.[1]?.seenBy.users).toEqual([user('bob')]);
  });

  it('counts a reader once, however often their marker moves', () => {
    const read = withReceipts(
      page(seenBy(storedMessage('m2', alice), 'bob'), seenBy(storedMessage('m1', alice), 'bob')),
      [{ __typename: 'ReadReceipt', messageId: 'm2', user: user('bob') }],
    );

    expect(read.allMessageConnection?.messages?.map((message) => message?.seenBy.count)).toEqual([
      1, 1,
    ]);
  });

  it('leaves the page as it is for a marker at a message it does not hold', () => {
    const known = page(storedMessage('m1', alice));

    expect(
      withReceipts(known, [{ __typename: 'ReadReceipt', messageId: 'm9', user: user('bob') }]),
    ).toEqual(known);
  });
});

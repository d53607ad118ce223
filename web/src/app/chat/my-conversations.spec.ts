import {
  ConversationSummary,
  LastMessage,
  MyConversations,
  UnreadChange,
  byActivity,
  lists,
  previewOf,
  withArrival,
  withUnreadChange,
} from './my-conversations';

function conversation(id: string, lastActivityAt: string): ConversationSummary {
  return {
    __typename: 'Conversation',
    id,
    name: `name of ${id}`,
    unreadCount: 0,
    mentionCount: 0,
    lastReadMessageId: null,
    lastActivityAt,
    lastMessage: null,
    typing: { __typename: 'TypingState', conversationId: id, count: 0, users: [] },
  };
}

function total(unreadCount: number) {
  return { __typename: 'UnreadTotal' as const, unreadCount, mentionCount: 0, conversationCount: 1 };
}

function list(...conversations: ConversationSummary[]): MyConversations {
  return {
    conversationList: { __typename: 'ConversationList', nextToken: null, conversations },
    unreadTotal: total(0),
  };
}

function message(id: string, createdAt: string, sender = 'u2', deleted = false): LastMessage {
  return {
    __typename: 'Message',
    id,
    content: `content of ${id}`,
    createdAt,
    sender,
    deleted,
    author: { __typename: 'User', id: sender, username: sender === 'u1' ? 'alice' : 'bob' },
  };
}

describe('byActivity', () => {
  it('puts the conversation with the latest activity first, keeping the order of equals', () => {
    const sorted = byActivity([
      conversation('c1', '2026-12-07T10:00:00Z'),
      conversation('c2', '2026-12-07T11:00:00Z'),
      conversation('c3', '2026-12-07T10:00:00Z'),
    ]);

    expect(sorted.map(({ id }) => id)).toEqual(['c2', 'c1', 'c3']);
  });
});

describe('withUnreadChange', () => {
  it("sets the conversation's counts and marker, and the total, leaving the others", () => {
    const change: UnreadChange = {
      __typename: 'UnreadChange',
      conversationId: 'c2',
      unreadCount: 3,
      mentionCount: 1,
      lastReadMessageId: 'm7',
      total: total(5),
    };

    const changed = withUnreadChange(
      list(conversation('c1', '2026-12-07T10:00:00Z'), conversation('c2', '2026-12-07T09:00:00Z')),
      change,
    );

    expect(changed.unreadTotal).toEqual(total(5));
    expect(changed.conversationList?.conversations.map((known) => known.unreadCount)).toEqual([
      0, 3,
    ]);
    expect(changed.conversationList?.conversations[1]).toMatchObject({
      mentionCount: 1,
      lastReadMessageId: 'm7',
    });
  });
});

describe('withArrival', () => {
  it("makes the message its conversation's newest, active when it was written", () => {
    const arrived = message('m2', '2026-12-07T12:00:00Z');

    const changed = withArrival(list(conversation('c1', '2026-12-07T10:00:00Z')), 'c1', arrived);

    expect(changed.conversationList?.conversations[0]).toMatchObject({
      lastMessage: arrived,
      lastActivityAt: '2026-12-07T12:00:00Z',
    });
  });

  it('leaves a conversation active later than the message as it is', () => {
    const later = conversation('c1', '2026-12-07T13:00:00Z');

    const changed = withArrival(list(later), 'c1', message('m2', '2026-12-07T12:00:00Z'));

    expect(changed.conversationList?.conversations[0]).toEqual(later);
  });
});

describe('lists', () => {
  it('tells whether the conversation is in the list', () => {
    const known = list(conversation('c1', '2026-12-07T10:00:00Z'));

    expect([lists(known, 'c1'), lists(known, 'c2')]).toEqual([true, false]);
  });
});

describe('previewOf', () => {
  it('names the author, and me as You', () => {
    expect(previewOf(message('m1', '2026-12-07T10:00:00Z'), 'u1')).toEqual({
      author: 'bob',
      text: 'content of m1',
    });
    expect(previewOf(message('m1', '2026-12-07T10:00:00Z', 'u1'), 'u1').author).toBe('You');
  });

  it('tells of a deleted message without its content', () => {
    expect(previewOf(message('m1', '2026-12-07T10:00:00Z', 'u2', true), 'u1').text).toBe(
      'This message was deleted',
    );
  });
});

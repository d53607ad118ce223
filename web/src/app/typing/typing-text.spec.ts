import { TypingState, typingText } from './typing-text';

function typing(count: number, ...usernames: string[]): TypingState {
  return {
    __typename: 'TypingState',
    conversationId: 'c1',
    count,
    users: usernames.map((username) => ({ __typename: 'User', id: `id-${username}`, username })),
  };
}

describe('typingText', () => {
  it('says nothing when no one types', () => {
    expect(typingText(typing(0), 'id-me')).toBe('');
    expect(typingText(undefined, 'id-me')).toBe('');
  });

  it('names one, two or three typists', () => {
    expect(typingText(typing(1, 'alice'), 'id-me')).toBe('alice is typing…');
    expect(typingText(typing(2, 'alice', 'bob'), 'id-me')).toBe('alice and bob are typing…');
    expect(typingText(typing(3, 'alice', 'bob', 'carol'), 'id-me')).toBe(
      'alice, bob and carol are typing…',
    );
  });

  it('counts more than three typists', () => {
    expect(typingText(typing(4, 'alice', 'bob', 'carol', 'dave'), 'id-me')).toBe(
      '4 people are typing…',
    );
  });

  it('leaves me out', () => {
    expect(typingText(typing(2, 'me', 'alice'), 'id-me')).toBe('alice is typing…');
    expect(typingText(typing(1, 'me'), 'id-me')).toBe('');
  });

  it('counts the typists the server does not name, in a large conversation', () => {
    expect(typingText(typing(3), 'id-me')).toBe('3 people are typing…');
    expect(typingText(typing(1), 'id-me')).toBe('Someone is typing…');
  });
});

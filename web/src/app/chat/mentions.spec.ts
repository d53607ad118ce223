import { completeMention, membersMatching, mentionAt, segments } from './mentions';

const bob = { id: 'u2', username: 'bob' };
const alice = { id: 'u1', username: 'alice' };

describe('segments', () => {
  it('cuts out each mention the server resolved, mine marked', () => {
    expect(segments('hi @bob and @Alice!', [bob, alice], 'u1')).toEqual([
      { text: 'hi ' },
      { text: '@bob', mention: bob, mine: false },
      { text: ' and ' },
      { text: '@Alice', mention: alice, mine: true },
      { text: '!' },
    ]);
  });

  it('leaves as text a name no one mentioned, and an @ inside a word', () => {
    expect(segments('@carol, mail me@bob', [bob], 'u1')).toEqual([{ text: '@carol, mail me@bob' }]);
  });

  it('keeps punctuation after a name out of the mention', () => {
    expect(segments('thanks @bob.', [bob], 'u1')).toEqual([
      { text: 'thanks ' },
      { text: '@bob', mention: bob, mine: false },
      { text: '.' },
    ]);
  });
});

describe('mentionAt', () => {
  it('finds the @name the caret is at the end of', () => {
    expect(mentionAt('hello @bo', 9)).toEqual({ start: 6, prefix: 'bo' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, prefix: '' });
  });

  it('finds none after a space, or in an address', () => {
    expect(mentionAt('hello @bob ', 11)).toBeNull();
    expect(mentionAt('me@ho', 5)).toBeNull();
  });
});

describe('completeMention', () => {
  it('puts the whole name and a space in place of what was typed, the caret after them', () => {
    expect(completeMention('hi @bo there', 6, { start: 3, prefix: 'bo' }, 'bobby')).toEqual({
      draft: 'hi @bobby there',
      caret: 10,
    });
  });
});

describe('membersMatching', () => {
  it('gives the members whose names start with what was typed, shortest first', () => {
    const members = [{ id: 'a', username: 'bobby' }, bob, alice];

    expect(membersMatching(members, 'BO').map((member) => member.username)).toEqual([
      'bob',
      'bobby',
    ]);
    expect(membersMatching(members, '', 2)).toHaveLength(2);
  });
});

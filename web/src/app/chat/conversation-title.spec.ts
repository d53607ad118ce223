import { defaultName, namesMembers, titleFor } from './conversation-title';

describe('titleFor', () => {
  it('leaves my name out of a default name', () => {
    expect(titleFor('bob, alice', 'alice')).toBe('bob');
    expect(titleFor('bob, carol, alice', 'bob')).toBe('carol, alice');
  });

  it('keeps any other name as it was given', () => {
    expect(titleFor('Lunch', 'alice')).toBe('Lunch');
    expect(titleFor('alice', 'alice')).toBe('alice');
    expect(titleFor('bob, carol', 'alice')).toBe('bob, carol');
    expect(titleFor('alice and bob, friends', 'alice')).toBe('alice and bob, friends');
  });
});

describe('defaultName', () => {
  it('names everyone, so that each member sees the others', () => {
    const name = defaultName(['bob', 'carol'], 'alice');

    expect(name).toBe('bob, carol, alice');
    expect(titleFor(name, 'carol')).toBe('bob, alice');
  });
});

describe('namesMembers', () => {
  it('leaves out the name of the only other member when it is the title', () => {
    expect(namesMembers('bob', [{ username: 'bob' }])).toBe(false);
  });

  it('names the members of a named conversation, and of a group', () => {
    expect(namesMembers('Lunch', [{ username: 'bob' }])).toBe(true);
    expect(namesMembers('bob, carol', [{ username: 'bob' }, { username: 'carol' }])).toBe(true);
  });
});

import { peopleMatching } from './people-search';

const people = ['maria', 'amir', 'Marco', 'bob'].map((username, index) => ({
  id: `u${index}`,
  username,
}));

describe('peopleMatching', () => {
  it('finds the names holding the search, whatever its case, those starting with it first', () => {
    expect(peopleMatching(people, ' MA ').map((person) => person.username)).toEqual([
      'maria',
      'Marco',
    ]);
    expect(peopleMatching(people, 'mi').map((person) => person.username)).toEqual(['amir']);
    expect(peopleMatching(people, 'ar').map((person) => person.username)).toEqual([
      'maria',
      'Marco',
    ]);
  });

  it('finds everyone for an empty search, and no one for a name no one has', () => {
    expect(peopleMatching(people, '')).toEqual(people);
    expect(peopleMatching(people, 'zoe')).toEqual([]);
  });
});

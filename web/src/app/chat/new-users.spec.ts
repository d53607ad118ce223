import { NewUser, NewUsers } from './new-users';
import { GetAllUsersQuery } from './people.generated';

function newUser(username: string): NewUser {
  return { __typename: 'User', id: `id-${username}`, username };
}

function listOf(...usernames: string[]): GetAllUsersQuery {
  return { allUser: usernames.map((username) => ({ ...newUser(username), presence: null })) };
}

describe('NewUsers', () => {
  it('adds someone who signs up at the end of the list, showing no presence', () => {
    const newUsers = new NewUsers();
    newUsers.answered(listOf('alice'));

    expect(newUsers.arrived(listOf('alice'), newUser('bob'))).toEqual(listOf('alice', 'bob'));
  });

  it('adds nobody the list holds already', () => {
    const newUsers = new NewUsers();
    newUsers.answered(listOf('alice', 'bob'));

    expect(newUsers.arrived(listOf('alice', 'bob'), newUser('bob'))).toEqual(
      listOf('alice', 'bob'),
    );
  });

  it('changes nothing, and throws nothing, while the list has not come', () => {
    const newUsers = new NewUsers();

    expect(newUsers.arrived(null, newUser('bob'))).toBeUndefined();
    expect(newUsers.arrived({ allUser: null }, newUser('carol'))).toBeUndefined();
  });

  it('adds those who signed up while the list was on its way, once it comes', () => {
    const newUsers = new NewUsers();
    newUsers.arrived(null, newUser('bob'));
    newUsers.arrived(null, newUser('carol'));

    expect(newUsers.answered(listOf('alice', 'carol'))).toEqual(listOf('alice', 'carol', 'bob'));
  });

  it('adds those who signed up before the answer to it, though the cache showed them already', () => {
    const newUsers = new NewUsers();
    expect(newUsers.arrived(listOf('alice'), newUser('bob'))).toEqual(listOf('alice', 'bob'));

    expect(newUsers.answered(listOf('alice'))).toEqual(listOf('alice', 'bob'));
  });

  it('needs nothing added to an answer that holds everyone, nor to later answers', () => {
    const newUsers = new NewUsers();
    newUsers.arrived(null, newUser('bob'));

    expect(newUsers.answered(listOf('alice', 'bob'))).toBeUndefined();
    newUsers.arrived(listOf('alice', 'bob'), newUser('carol'));
    expect(newUsers.answered(listOf('alice', 'bob'))).toBeUndefined();
  });
});

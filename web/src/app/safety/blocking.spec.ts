import { BlockedUser, withBlocked, withoutBlocked } from './blocking';

const user = (id: string): BlockedUser => ({ __typename: 'User', id, username: `user ${id}` });

describe('withBlocked', () => {
  it('lists the user just blocked first, as the server does', () => {
    expect(withBlocked([user('u1'), user('u2')], user('u3')).map(({ id }) => id)).toEqual([
      'u3',
      'u1',
      'u2',
    ]);
  });

  it('lists a user blocked again once', () => {
    expect(withBlocked([user('u1'), user('u2')], user('u2')).map(({ id }) => id)).toEqual([
      'u2',
      'u1',
    ]);
  });
});

describe('withoutBlocked', () => {
  it('leaves the user unblocked out, and the others in their order', () => {
    expect(withoutBlocked([user('u1'), user('u2'), user('u3')], 'u2').map(({ id }) => id)).toEqual([
      'u1',
      'u3',
    ]);
  });
});

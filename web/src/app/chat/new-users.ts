import { GetAllUsersQuery, SubscribeToNewUsersSubscription } from './people.generated';

/** Someone who just signed up, as the live feed of new users tells. */
export type NewUser = NonNullable<SubscribeToNewUsersSubscription['subscribeToNewUsers']>;

/**
 * Takes the people who sign up into the list of everyone, also those who sign up while the server's
 * first answer is on its way: it may have been read before they signed up, so they are kept, and
 * added once it comes, to it or to what the cache held before. A new user shares no conversation
 * with me, and so shows no presence.
 */
export class NewUsers {
  private early: NewUser[] | undefined = [];

  /** The list once {@code user} signed up; undefined, to change nothing, while there is none. */
  arrived(list: GetAllUsersQuery | null | undefined, user: NewUser): GetAllUsersQuery | undefined {
    this.early?.push(user);
    return list?.allUser ? withUsers(list, [user]) : undefined;
  }

  /**
   * The server's first answer came as {@code list}: the list with those who signed up before it,
   * or undefined when it needs none added.
   */
  answered(list: GetAllUsersQuery): GetAllUsersQuery | undefined {
    const early = this.early ?? [];
    this.early = undefined;
    const completed = withUsers(list, early);
    return completed === list ? undefined : completed;
  }
}

function withUsers(list: GetAllUsersQuery, users: NewUser[]): GetAllUsersQuery {
  const known = list.allUser ?? [];
  const fresh = users.filter(
    (user, i) =>
      !known.some((existing) => existing?.id === user.id) &&
      users.findIndex((other) => other.id === user.id) === i,
  );
  return fresh.length === 0
    ? list
    : { ...list, allUser: [...known, ...fresh.map((user) => ({ ...user, presence: null }))] };
}

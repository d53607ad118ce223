import { SafetyMembershipsQuery } from './memberships.generated';
import { safeMembershipsOf } from './memberships';

type Answered = NonNullable<
  NonNullable<NonNullable<SafetyMembershipsQuery['me']>['conversations']>['userConversations']
>[number];

function membership(conversationId: string, muted: boolean, ...usernames: string[]): Answered {
  return {
    __typename: 'UserConversations',
    conversationId,
    muted,
    associated: usernames.map((username) => ({
      __typename: 'UserConversations',
      userId: `id-${username}`,
      user: { __typename: 'User', id: `id-${username}`, username },
    })),
  };
}

function answer(...memberships: Answered[]): SafetyMembershipsQuery {
  return {
    me: {
      __typename: 'User',
      id: 'id-alice',
      conversations: { __typename: 'UserConverstationsConnection', userConversations: memberships },
    },
  };
}

describe('safeMembershipsOf', () => {
  it('tells for each of my conversations whether I muted it, and who else is in it', () => {
    const memberships = safeMembershipsOf(
      answer(membership('c1', true, 'alice', 'bob', 'carol'), membership('c2', false, 'alice')),
      'id-alice',
    );

    expect(memberships.get('c1')).toEqual({
      muted: true,
      others: [
        { id: 'id-bob', username: 'bob' },
        { id: 'id-carol', username: 'carol' },
      ],
    });
    expect(memberships.get('c2')).toEqual({ muted: false, others: [] });
  });

  it('knows no conversation when the server knows no user', () => {
    expect(safeMembershipsOf({ me: null }, 'id-alice').size).toBe(0);
  });
});

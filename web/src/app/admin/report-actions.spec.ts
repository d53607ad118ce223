import { Report, authorOf, confirmationOf } from './report-actions';

function reportOf(author: string | null): Report {
  return {
    __typename: 'MessageReport',
    id: 'r1',
    reason: 'spam',
    createdAt: '2026-11-25T10:00:00Z',
    reporter: { __typename: 'User', id: 'u2', username: 'bob' },
    message: {
      __typename: 'Message',
      id: 'm1',
      content: 'buy now',
      deleted: false,
      author: author === null ? null : { __typename: 'User', id: 'u1', username: author },
    },
  };
}

describe('confirmationOf', () => {
  it('asks nothing before a dismissal, which changes nothing', () => {
    expect(confirmationOf('DISMISS', 'alice')).toBeNull();
  });

  it('names the author before a message is deleted or its author disabled', () => {
    expect(confirmationOf('DELETE_MESSAGE', 'alice')).toEqual({
      question: expect.stringContaining('Delete this message of alice?'),
      confirm: 'Delete message',
    });
    expect(confirmationOf('DISABLE_AUTHOR', 'alice')).toEqual({
      question: expect.stringContaining('Disable the account of alice?'),
      confirm: 'Disable author',
    });
  });
});

describe('authorOf', () => {
  it('names the author of the message reported, or says it is unknown', () => {
    expect(authorOf(reportOf('alice'))).toBe('alice');
    expect(authorOf(reportOf(null))).toBe('an unknown author');
  });
});

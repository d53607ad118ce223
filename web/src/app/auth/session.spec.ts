import { subjectOf } from './session';

describe('subjectOf', () => {
  it("reads a JWT's sub claim", () => {
    const payload = btoa(JSON.stringify({ sub: 'user-1', username: 'alice' })).replace(/=+$/, '');

    expect(subjectOf(`header.${payload}.signature`)).toBe('user-1');
  });

  it('is empty for something that is not a JWT', () => {
    expect(subjectOf('garbage')).toBe('');
  });
});

import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { AuthError, rolesOf, subjectOf } from './session';

describe('subjectOf', () => {
  it("reads a JWT's sub claim", () => {
    const payload = btoa(JSON.stringify({ sub: 'user-1', username: 'alice' })).replace(/=+$/, '');

    expect(subjectOf(`header.${payload}.signature`)).toBe('user-1');
  });

  it('is empty for something that is not a JWT', () => {
    expect(subjectOf('garbage')).toBe('');
  });
});

describe('rolesOf', () => {
  it("reads a JWT's roles claim", () => {
    const payload = btoa(JSON.stringify({ sub: 'user-1', roles: ['user', 'admin'] }));

    expect(rolesOf(`header.${payload}.signature`)).toEqual(['user', 'admin']);
  });

  it('is empty without a roles claim', () => {
    expect(rolesOf(`header.${btoa('{}')}.signature`)).toEqual([]);
  });
});

describe('AuthError', () => {
  const answer = (status: number, body: object | null, headers: Record<string, string> = {}) =>
    AuthError.of(new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers) }));

  it("gives the server's message as a sentence, with its error code", () => {
    const error = answer(403, {
      error: 'user_not_confirmed',
      message: 'the account is not confirmed',
    });

    expect(error.message).toBe('The account is not confirmed.');
    expect(error.code).toBe('user_not_confirmed');
  });

  it('says when to try again after too many attempts', () => {
    expect(answer(429, { error: 'too_many_requests' }, { 'Retry-After': '42' }).message).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
  });

  it('says the server cannot be reached when there is no answer', () => {
    expect(answer(0, null).message).toBe(
      'The server cannot be reached. Check your connection and try again.',
    );
  });

  it('never shows what a failing server answered', () => {
    expect(answer(500, { message: 'NullPointerException' }).message).toBe(
      'The server could not answer. Try again in a moment.',
    );
  });
});

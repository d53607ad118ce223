import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { isForbidden } from './forbidden';

function answered(...classifications: string[]): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({
    errors: classifications.map((classification) => ({
      message: `refused as ${classification}`,
      extensions: { classification },
    })),
  });
}

describe('isForbidden', () => {
  it('is true of an answer the server refused as FORBIDDEN', () => {
    expect(isForbidden(answered('FORBIDDEN'))).toBe(true);
  });

  it('is false of other errors, and of a failed request', () => {
    expect(isForbidden(answered('NOT_FOUND', 'BAD_REQUEST'))).toBe(false);
    expect(isForbidden(new TypeError('Failed to fetch'))).toBe(false);
  });
});

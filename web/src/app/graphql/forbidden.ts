import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Whether the server refused the operation to the caller, as FORBIDDEN: they may not do that. */
export function isForbidden(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((graphQLError) => graphQLError.extensions?.['classification'] === 'FORBIDDEN')
  );
}

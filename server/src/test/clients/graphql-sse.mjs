// GraphQL over Server-Sent Events, with the graphql-sse library in distinct connections mode.
import { createClient } from 'graphql-sse';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

const client = createClient({
  url: `${settings.httpUrl}/graphql`,
  headers: { Authorization: `Bearer ${settings.token}` },
});
client.subscribe(
  { query: subscription, variables },
  {
    next: (result) => (result.errors ? fail(result.errors[0]) : receive(itemOf(result.data))),
    error: fail,
    complete: () => fail(new Error('completed early')),
  },
);

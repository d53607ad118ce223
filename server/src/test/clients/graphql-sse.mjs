// GraphQL over Server-Sent Events, with the graphql-sse library in distinct connections mode.
import { createClient } from 'graphql-sse';
import { fail, receive, settings, subscription } from './common.mjs';

const client = createClient({
  url: `${settings.httpUrl}/graphql`,
  headers: { Authorization: `Bearer ${settings.token}` },
});
client.subscribe(
  { query: subscription, variables: { conversationId: settings.conversationId } },
  {
    next: (result) => (result.errors ? fail(result.errors[0]) : receive(result.data.subscribeToNewMessage)),
    error: fail,
    complete: () => fail(new Error('completed early')),
  },
);

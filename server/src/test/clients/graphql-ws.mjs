// graphql-transport-ws, with the graphql-ws library.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

const client = createClient({
  url: settings.wsUrl,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: settings.token },
});
client.subscribe(
  { query: subscription, variables },
  {
    next: (result) => (result.errors ? fail(result.errors[0]) : receive(itemOf(result.data))),
    error: fail,
    complete: () => fail(new Error('completed early')),
  },
);

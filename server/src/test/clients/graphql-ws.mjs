// graphql-transport-ws, with the graphql-ws library.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { fail, receive, settings, subscription } from './common.mjs';

const client = createClient({
  url: settings.wsUrl,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: settings.token },
});
client.subscribe(
  { query: subscription, variables: { conversationId: settings.conversationId } },
  {
    next: (result) => (result.errors ? fail(result.errors[0]) : receive(result.data.subscribeToNewMessage)),
    error: fail,
    complete: () => fail(new Error('completed early')),
  },
);

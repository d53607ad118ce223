// Apollo's legacy protocol (subprotocol graphql-ws), with the subscriptions-transport-ws library.
import transport from 'subscriptions-transport-ws';
import WebSocket from 'ws';
import { fail, receive, settings, subscription } from './common.mjs';

const client = new transport.SubscriptionClient(
  settings.wsUrl,
  { connectionParams: { authToken: settings.token } },
  WebSocket,
);
client.request({ query: subscription, variables: { conversationId: settings.conversationId } }).subscribe({
  next: (result) => (result.errors ? fail(result.errors[0]) : receive(result.data.subscribeToNewMessage)),
  error: fail,
});

// Apollo's legacy protocol (subprotocol graphql-ws), with the subscriptions-transport-ws library.
import transport from 'subscriptions-transport-ws';
import WebSocket from 'ws';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

const client = new transport.SubscriptionClient(
  settings.wsUrl,
  { connectionParams: { authToken: settings.token } },
  WebSocket,
);
client.request({ query: subscription, variables }).subscribe({
  next: (result) => (result.errors ? fail(result.errors[0]) : receive(itemOf(result.data))),
  error: fail,
});

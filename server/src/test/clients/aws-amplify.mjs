// AWS Amplify JS v6's GraphQL client with user-pool auth; it always connects with wss://.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { decodeJWT } from '@aws-amplify/core';
import WebSocket from 'ws';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

globalThis.WebSocket = WebSocket;

Amplify.configure(
  { API: { GraphQL: { endpoint: `${settings.httpUrl}/graphql`, region: 'us-east-1', defaultAuthMode: 'userPool' } } },
  {
    Auth: {
      tokenProvider: {
        getTokens: async () => ({ accessToken: decodeJWT(settings.token), idToken: decodeJWT(settings.token) }),
      },
    },
  },
);

const client = generateClient();
const me = await client.graphql({ query: 'query getMe { me { id username } }' });
console.log(`ME ${me.data.me.id}`);
client.graphql({ query: subscription, variables }).subscribe({
  next: (result) => receive(itemOf(result.data)),
  error: fail,
});

// The aws-appsync SDK v4 in API-key mode, pointed at /graphql: CHATQL_TOKEN is the API key, which it
// sends as x-api-key on HTTP and in the real-time handshake header.
import appsync from 'aws-appsync';
import gql from 'graphql-tag';
import WebSocket from 'ws';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

globalThis.WebSocket = WebSocket;

const client = new appsync.AWSAppSyncClient({
  url: `${settings.httpUrl}/graphql`,
  region: 'us-east-1',
  auth: { type: appsync.AUTH_TYPE.API_KEY, apiKey: settings.token },
  disableOffline: true,
});

const me = await client.query({ query: gql`query getMe { me { __typename id username registered } }` });
console.log(`ME ${me.data.me.id}`);
client
  .subscribe({ query: gql(subscription), variables })
  .subscribe({
    next: (result) => receive(itemOf(result.data)),
    error: fail,
  });

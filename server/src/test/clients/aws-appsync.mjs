// The original ChatQL client's stack: the aws-appsync SDK v4 with user-pool auth, pointed at /graphql.
// It sends the raw JWT on HTTP and derives the real-time URL /graphql/realtime for a custom domain.
import appsync from 'aws-appsync';
import gql from 'graphql-tag';
import WebSocket from 'ws';
import { fail, itemOf, receive, settings, subscription, variables } from './common.mjs';

globalThis.WebSocket = WebSocket;

const client = new appsync.AWSAppSyncClient({
  url: `${settings.httpUrl}/graphql`,
  region: 'us-east-1',
  auth: { type: appsync.AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: async () => settings.token },
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

import { inject } from '@angular/core';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { HttpLink } from 'apollo-angular/http';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { Session } from '../auth/session';
import { Connection } from './connection';
import { PersistedCache } from '../offline/persisted-cache';

/**
 * The Apollo client: queries over HTTP, subscriptions and mutations over graphql-transport-ws on the
 * same /graphql, both with the signed-in user's access token; its cache is kept in IndexedDB.
 *
 * Mutations take the socket because it is open anyway while a conversation is on screen, and the
 * server answers a message sent over it for much less than one sent as an HTTP request. A mutation
 * under way when the socket drops is sent again on the next one; posting a message is idempotent on
 * its id, so it is stored once.
 */
export function createApollo(): ApolloClient.Options {
  const session = inject(Session);
  const connection = inject(Connection);
  const http = inject(HttpLink).create({ uri: '/graphql' });
  const authenticated = new SetContextLink(async (previous) => {
    const token = await session.accessToken();
    return token ? { headers: { ...previous['headers'], Authorization: `Bearer ${token}` } } : {};
  });
  const socket = createClient({
    url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
    connectionParams: async () => ({ Authorization: (await session.accessToken()) ?? '' }),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => pause(Math.min(500 * 2 ** retries, 5_000) * (0.5 + Math.random() / 2)),
    on: {
      connected: () => connection.socketOpened(),
      closed: (event) => connection.socketClosed((event as CloseEvent | undefined)?.code),
    },
  });
  // A socket that the browser knows to be cut is not waited on: it is closed and retried, and the
  // subscriptions catch up once it opens again.
  addEventListener('offline', () => socket.terminate());
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === 'OperationDefinition' &&
        definition.operation !== OperationTypeNode.QUERY
      );
    },
    new GraphQLWsLink(socket),
    authenticated.concat(http),
  );
  return { link, cache: inject(PersistedCache).cache };
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

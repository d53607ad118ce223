import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, startServer } from '../support/server.mjs';

/**
 * The README's start command runs the application context that the build prepared ahead of time;
 * these tests check that settings given at start still take effect with it.
 */
describe('the start command', () => {
  test('uses the context the build prepared', async () => {
    const server = await startServer();
    try {
      assert.match(server.log(), /Starting AOT-processed ChatQlApplication/);
    } finally {
      await server.stop();
    }
  });

  test('prepares the context at start when a setting decides which parts run', async () => {
    const managementPort = await freePort();
    const server = await startServer([`--management.server.port=${managementPort}`]);
    try {
      assert.match(server.log(), /management\.server\.port is set/);
      assert.equal((await fetch(server.health)).status, 200);
      assert.equal((await fetch(`${server.url}/actuator/health`)).status, 404);
    } finally {
      await server.stop();
    }
  });

  describe('with Redis', () => {
    let redis;
    let database;
    const nodes = [];

    before(async () => {
      const port = await freePort();
      redis = spawn(
        'redis-server',
        ['--port', `${port}`, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      // Two nodes share one database: the first opens the H2 file, the second reaches it through
      // the first (H2's automatic mixed mode), as nodes share one PostgreSQL in production.
      database = mkdtempSync(join(tmpdir(), 'chatql-e2e-shared-'));
      const settings = [
        `--spring.data.redis.url=redis://127.0.0.1:${port}`,
        `--spring.datasource.url=jdbc:h2:file:${database}/chatql;AUTO_SERVER=TRUE`,
      ];
      nodes.push(await startServer(settings));
      nodes.push(await startServer(settings));
    });

    after(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      redis?.kill();
      rmSync(database, { recursive: true, force: true });
    });

    test('keeps the prepared context, checks Redis in readiness, and relays between nodes', async () => {
      const [first, second] = nodes;
      for (const node of nodes) {
        assert.match(node.log(), /Starting AOT-processed ChatQlApplication/);
        const readiness = await (await fetch(`${node.health}/readiness`)).json();
        assert.equal(readiness.components.redis.status, 'UP');
      }
      const alice = await signedUp(first, 'alice');
      const bob = await signedUp(first, 'bob');
      const conversationId = randomUUID();
      await graphql(
        first,
        alice.token,
        'mutation($id: ID!) { createConversation(id: $id, name: "lunch") { id } }',
        {
          id: conversationId,
        },
      );
      for (const member of [alice, bob]) {
        await graphql(
          first,
          alice.token,
          'mutation($c: ID!, $u: ID!) { createUserConversations(conversationId: $c, userId: $u) { userId } }',
          { c: conversationId, u: member.id },
        );
      }

      // The subscription on the second node starts at some point after the request: post on the first
      // node until one of the posts arrives there, at most 20 times.
      const received = newMessagesOn(second, bob.token, conversationId);
      const posted = [];
      let event;
      for (let attempt = 0; attempt < 20 && event === undefined; attempt++) {
        const id = `${new Date().toISOString()}_${randomUUID()}`;
        posted.push(id);
        await graphql(
          first,
          alice.token,
          'mutation($c: ID!, $id: ID!, $at: String!) { createMessage(conversationId: $c, id: $id, createdAt: $at, content: "on node one") { id } }',
          { c: conversationId, id, at: new Date().toISOString() },
        );
        event = await Promise.race([
          received.first,
          new Promise((resolve) => setTimeout(resolve, 500)),
        ]);
      }

      assert.ok(event !== undefined, 'no post on the first node reached the second');
      assert.ok(
        posted.some((id) => event.includes(id)),
        event,
      );
      received.stop();
    });
  });
});

async function signedUp(node, username) {
  const credentials = {
    username,
    email: `${username}@example.com`,
    password: 'correct horse battery',
  };
  const signUp = await post(`${node.url}/auth/sign-up`, credentials);
  assert.equal(signUp.status, 201);
  const signIn = await post(`${node.url}/auth/sign-in`, {
    username,
    password: credentials.password,
  });
  const { accessToken } = await signIn.json();
  const me = await graphql(node, accessToken, '{ me { id } }');
  return { token: accessToken, id: me.me.id };
}

async function graphql(node, token, query, variables = {}) {
  const response = await post(
    `${node.url}/graphql`,
    { query, variables },
    { Authorization: `Bearer ${token}` },
  );
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

function post(url, body, headers = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * Follows a conversation's new messages on {@code node} over Server-Sent Events: {@code first}
 * settles with the stream's text up to its first event.
 */
function newMessagesOn(node, token, conversationId) {
  const aborting = new AbortController();
  const response = fetch(`${node.url}/graphql`, {
    method: 'POST',
    signal: aborting.signal,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      query: 'subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id content } }',
      variables: { c: conversationId },
    }),
  });
  const first = response.then(async ({ status, body }) => {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of body) {
      text += decoder.decode(chunk, { stream: true });
      const data = text.search(/^data:/m);
      if (data >= 0 && text.indexOf('\n\n', data) >= 0) {
        return text;
      }
    }
    throw new Error(`the stream ended without an event: ${status} ${text}`);
  });
  return { first, stop: () => aborting.abort() };
}

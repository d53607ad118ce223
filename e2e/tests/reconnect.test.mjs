import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postMessage, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('messages sent while a user was offline appear after it reconnects', async () => {
  const dave = await signUp(running.browser, running.server.url, 'dave');
  const erin = await signUp(running.browser, running.server.url, 'erin');
  await startConversation(dave, 'erin');
  await dave.getByLabel('Message').fill('Before');
  await dave.getByRole('button', { name: 'Send' }).click();
  await erin.getByRole('link', { name: 'dave' }).click();
  await erin.locator('.messages').getByText('Before').waitFor();

  await erin.context().setOffline(true);
  await erin.locator('.offline-banner').waitFor();
  for (const content of ['While away 1', 'While away 2']) {
    await dave.getByLabel('Message').fill(content);
    await dave.getByRole('button', { name: 'Send' }).click();
  }
  await dave.locator('.message.mine .check.stored').nth(2).waitFor();
  await erin.context().setOffline(false);

  await erin.locator('.messages').getByText('While away 2').waitFor();
  assert.deepEqual(await erin.locator('.message .content').allTextContents(), [
    'Before',
    'While away 1',
    'While away 2',
  ]);
});

test('a message posted while an empty conversation was opening is not missed, nor after a reload', async () => {
  const hank = await signUp(running.browser, running.server.url, 'hank');
  const iris = await signUp(running.browser, running.server.url, 'iris');
  const conversationId = await startConversation(hank, 'iris');
  // Iris's subscription to the conversation's messages reaches the server only once released.
  let release;
  let held;
  const subscribing = new Promise((resolve) => (held = resolve));
  await iris.routeWebSocket(/\/graphql$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (String(message).includes('subscribeToConversationEvents') && !release) {
        release = () => server.send(message);
        held();
      } else {
        server.send(message);
      }
    });
  });
  const answered = iris.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') &&
      response.request().postData()?.includes('allMessageConnection'),
  );
  await iris.goto(`${running.server.url}/chat/${conversationId}`);
  await answered;
  await subscribing;

  await postMessage(hank, running.server.url, conversationId, 'Posted before the live feed began');
  release();

  await iris.locator('.messages').getByText('Posted before the live feed began').waitFor();
  assert.deepEqual(await iris.locator('.message .content').allTextContents(), [
    'Posted before the live feed began',
  ]);

  // The cache is written to IndexedDB a moment after it changes; a reload starts from it.
  await iris.waitForTimeout(1_500);
  const reloaded = iris.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') &&
      response.request().postData()?.includes('allMessageConnection'),
  );
  await iris.reload();
  await reloaded;
  await iris.getByText('This is the beginning of the conversation.').waitFor();
  assert.deepEqual(await iris.locator('.message .content').allTextContents(), [
    'Posted before the live feed began',
  ]);
});

test('a live feed the server ends with an error is followed again, missing nothing', async () => {
  const jack = await signUp(running.browser, running.server.url, 'jack');
  const kate = await signUp(running.browser, running.server.url, 'kate');
  const conversationId = await startConversation(jack, 'kate');
  await postMessage(jack, running.server.url, conversationId, 'Before the error');
  // The server seems to end Kate's first subscription to the conversation with an error.
  let endFirstFeed;
  let firstFeedId;
  const following = new Promise((resolve) => (endFirstFeed = resolve));
  await kate.routeWebSocket(/\/graphql$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const sent = JSON.parse(String(message));
      if (
        sent.type === 'subscribe' &&
        sent.payload.query.includes('subscribeToConversationEvents') &&
        !firstFeedId
      ) {
        firstFeedId = sent.id;
        endFirstFeed(() => {
          server.send(JSON.stringify({ id: firstFeedId, type: 'complete' }));
          socket.send(
            JSON.stringify({
              id: firstFeedId,
              type: 'error',
              payload: [
                {
                  message: 'This subscription fell 1024 events behind and was ended',
                  extensions: { classification: 'FELL_BEHIND' },
                },
              ],
            }),
          );
        });
      }
      server.send(message);
    });
    server.onMessage((message) => {
      if (!firstFeedId || JSON.parse(String(message)).id !== firstFeedId) {
        socket.send(message);
      }
    });
  });
  await kate.goto(`${running.server.url}/chat/${conversationId}`);
  await kate.locator('.messages').getByText('Before the error').waitFor();
  (await following)();

  await postMessage(jack, running.server.url, conversationId, 'Posted after the error');

  await kate.locator('.messages').getByText('Posted after the error').waitFor();
  assert.deepEqual(await kate.locator('.message .content').allTextContents(), [
    'Before the error',
    'Posted after the error',
  ]);
});

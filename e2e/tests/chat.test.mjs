import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('two users sign up and chat in real time, both ways', async () => {
  const alice = await signUp(running.browser, running.server.url, 'alice');
  const bob = await signUp(running.browser, running.server.url, 'bob');

  await startConversation(alice, 'bob');
  await alice.getByLabel('Message').fill('Hello Bob');
  await alice.getByRole('button', { name: 'Send' }).click();
  await alice.locator('.message.mine .check.stored').waitFor();

  await bob.getByRole('link', { name: 'alice' }).click();
  await bob.locator('.messages').getByText('Hello Bob').waitFor();
  await bob.getByRole('heading', { name: 'alice' }).waitFor();
  await bob.getByLabel('Message').fill('Hi Alice');
  await bob.getByRole('button', { name: 'Send' }).click();

  await alice.locator('.messages').getByText('Hi Alice').waitFor();
  assert.deepEqual(await alice.locator('.message .content').allTextContents(), [
    'Hello Bob',
    'Hi Alice',
  ]);
  assert.deepEqual(await bob.locator('.message .content').allTextContents(), [
    'Hello Bob',
    'Hi Alice',
  ]);
  assert.equal(await bob.locator('.message.mine .author').count(), 0, 'my name is not on mine');
  assert.equal(await bob.locator('.message:not(.mine) .author').textContent(), 'alice');
});

test('a message is sent over the live connection, not as an HTTP request', async () => {
  const lena = await signUp(running.browser, running.server.url, 'lena');
  await signUp(running.browser, running.server.url, 'mike');
  const postedOverHttp = [];
  lena.on('request', (request) => {
    if (request.method() === 'POST' && request.postData()?.includes('createMessage')) {
      postedOverHttp.push(request.url());
    }
  });

  await startConversation(lena, 'mike');
  await lena.getByLabel('Message').fill('Over the socket');
  await lena.getByRole('button', { name: 'Send' }).click();

  await lena.locator('.message.mine .check.stored').waitFor();
  assert.deepEqual(postedOverHttp, []);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium, signUp } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('two users sign up and chat in real time, both ways', async () => {
  const alice = await signUp(browser, server.url, 'alice');
  const bob = await signUp(browser, server.url, 'bob');

  await alice.getByLabel('bob').check();
  await alice.getByRole('button', { name: 'Start conversation' }).click();
  await alice.waitForURL(/\/chat\/.+/);
  await alice.getByLabel('Message').fill('Hello Bob');
  await alice.getByRole('button', { name: 'Send' }).click();
  await alice.locator('.message.mine .check.sent').waitFor();

  await bob.getByRole('link', { name: 'bob, alice' }).click();
  await bob.getByText('Hello Bob').waitFor();
  await bob.getByLabel('Message').fill('Hi Alice');
  await bob.getByRole('button', { name: 'Send' }).click();

  await alice.getByText('Hi Alice').waitFor();
  assert.deepEqual(await alice.locator('.message .content').allTextContents(), [
    'Hello Bob',
    'Hi Alice',
  ]);
  assert.deepEqual(await bob.locator('.message .content').allTextContents(), [
    'Hello Bob',
    'Hi Alice',
  ]);
  assert.equal(await bob.locator('.message.mine .author').textContent(), 'bob');
});

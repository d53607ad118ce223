import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('a message sent offline waits through a reload, then is delivered once', async () => {
  const frank = await signUp(running.browser, running.server.url, 'frank');
  const grace = await signUp(running.browser, running.server.url, 'grace');
  await startConversation(frank, 'grace');
  await frank.getByLabel('Message').fill('Hello');
  await frank.getByRole('button', { name: 'Send' }).click();
  await grace.getByRole('link', { name: 'frank' }).click();
  await grace.locator('.messages').getByText('Hello').waitFor();
  await frank.evaluate(() => navigator.serviceWorker.ready);
  await frank.reload();
  await frank.locator('.messages').getByText('Hello').waitFor();
  // The cache is written to IndexedDB a moment after it changes.
  await frank.waitForTimeout(1_500);

  await frank.context().setOffline(true);
  await frank.locator('.offline-banner').waitFor();
  await frank.getByLabel('Message').fill('Sent offline');
  await frank.getByRole('button', { name: 'Send' }).click();
  const offlineCheck = frank
    .locator('.message.mine', { hasText: 'Sent offline' })
    .locator('.check');
  assert.equal(await offlineCheck.getAttribute('aria-label'), 'Sending');

  await frank.reload();
  await frank.getByRole('link', { name: 'grace' }).waitFor();
  await frank.locator('.messages').getByText('Hello').waitFor();
  await frank.locator('.messages').getByText('Sent offline').waitFor();
  assert.equal(await offlineCheck.getAttribute('aria-label'), 'Sending');
  assert.equal(await grace.locator('.messages').getByText('Sent offline').count(), 0);

  await frank.context().setOffline(false);
  await frank.locator('.message.mine .check.stored').nth(1).waitFor();
  assert.equal(await offlineCheck.getAttribute('aria-label'), 'Sent');
  await grace.locator('.messages').getByText('Sent offline').waitFor();
  assert.deepEqual(await grace.locator('.message .content').allTextContents(), [
    'Hello',
    'Sent offline',
  ]);

  await frank.reload();
  await frank.locator('.messages').getByText('Sent offline').waitFor();
  assert.deepEqual(await frank.locator('.message .content').allTextContents(), [
    'Hello',
    'Sent offline',
  ]);
});

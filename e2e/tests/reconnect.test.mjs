import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('messages sent while a user was offline appear after it reconnects', async () => {
  const dave = await signUp(running.browser, running.server.url, 'dave');
  const erin = await signUp(running.browser, running.server.url, 'erin');
  await startConversation(dave, 'erin');
  await dave.getByLabel('Message').fill('Before');
  await dave.getByRole('button', { name: 'Send' }).click();
  await erin.getByRole('link', { name: 'erin, dave' }).click();
  await erin.getByText('Before').waitFor();

  await erin.context().setOffline(true);
  await erin.locator('.status', { hasText: 'Offline' }).waitFor();
  for (const content of ['While away 1', 'While away 2']) {
    await dave.getByLabel('Message').fill(content);
    await dave.getByRole('button', { name: 'Send' }).click();
  }
  await dave.locator('.message.mine .check.sent').nth(2).waitFor();
  await erin.context().setOffline(false);

  await erin.getByText('While away 2').waitFor();
  assert.deepEqual(await erin.locator('.message .content').allTextContents(), [
    'Before',
    'While away 1',
    'While away 2',
  ]);
});

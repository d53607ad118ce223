import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleErrors, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('a conversation muted from its menu is marked muted in the list, until unmuted', async () => {
  await signUp(running.browser, running.server.url, 'dave');
  const carol = await signUp(running.browser, running.server.url, 'carol');
  const errors = consoleErrors(carol);
  await startConversation(carol, 'dave');
  const inList = carol.getByRole('link', { name: 'dave' });

  await carol.getByRole('button', { name: 'Conversation actions' }).click();
  await carol.getByRole('menuitem', { name: 'Block dave' }).waitFor();
  await carol.getByRole('menuitem', { name: 'Mute conversation' }).click();
  await inList.getByRole('img', { name: 'muted' }).waitFor();

  await carol.reload();
  await inList.getByRole('img', { name: 'muted' }).waitFor();
  await carol.getByRole('button', { name: 'Conversation actions' }).click();
  await carol.getByRole('menuitem', { name: 'Unmute conversation' }).click();
  await inList.getByRole('img', { name: 'muted' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

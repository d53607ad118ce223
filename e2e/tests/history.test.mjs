import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postMessage, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('a conversation opens with its 10 newest messages and scrolling up pages back to the first', async () => {
  await signUp(running.browser, running.server.url, 'gina');
  const frank = await signUp(running.browser, running.server.url, 'frank');
  const conversationId = await startConversation(frank, 'gina');
  const sent = Array.from({ length: 35 }, (_, i) => `Message ${i + 1}`);
  for (const content of sent) {
    await postMessage(frank, running.server.url, conversationId, content);
  }

  await frank.reload();
  await frank.getByText('Message 35').waitFor();
  assert.deepEqual(await frank.locator('.message .content').allTextContents(), sent.slice(25));

  const beginning = frank.getByText('This is the beginning of the conversation.');
  for (let pages = 0; pages < 10 && !(await beginning.isVisible()); pages++) {
    await frank.locator('.messages').evaluate((list) => list.scrollTo(0, 0));
    await frank.waitForTimeout(300);
  }

  await beginning.waitFor();
  assert.deepEqual(await frank.locator('.message .content').allTextContents(), sent);
});

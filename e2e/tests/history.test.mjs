import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postMessage, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

/** Scrolls the conversation of {@code page} up until it shows its beginning. */
async function scrollToTheBeginning(page) {
  const beginning = page.getByText('This is the beginning of the conversation.');
  for (let pages = 0; pages < 10 && !(await beginning.isVisible()); pages++) {
    await page.locator('.messages').evaluate((list) => list.scrollTo(0, 0));
    await page.waitForTimeout(300);
  }
  await beginning.waitFor();
}

test('a conversation opens with its 10 newest messages and scrolling up pages back to the first', async () => {
  const gina = await signUp(running.browser, running.server.url, 'gina');
  const frank = await signUp(running.browser, running.server.url, 'frank');
  const conversationId = await startConversation(frank, 'gina');
  const sent = Array.from({ length: 35 }, (_, i) => `Message ${i + 1}`);
  for (const content of sent) {
    await postMessage(frank, running.server.url, conversationId, content);
  }

  await gina.goto(`${running.server.url}/chat/${conversationId}`);
  await gina.locator('.messages').getByText('Message 35').waitFor();
  assert.deepEqual(await gina.locator('.message .content').allTextContents(), sent.slice(25));

  await scrollToTheBeginning(gina);
  assert.deepEqual(await gina.locator('.message .content').allTextContents(), sent);
});

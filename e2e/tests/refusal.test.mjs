import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp, signUpOn, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

/** The server refuses a message longer than this. */
const MAX_CONTENT_LENGTH = 10_000;

/** How many createMessage operations {@code page} has sent over its live connection so far. */
function createMessagesSent(page) {
  const sent = { count: 0 };
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('createMessage')) {
        sent.count++;
      }
    }),
  );
  return sent;
}

test('a message the server refuses says Not sent; Retry sends it again, Discard gives it up', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const ivan = await context.newPage();
  const sent = createMessagesSent(ivan);
  await signUpOn(ivan, running.server.url, 'ivan');
  const judy = await signUp(running.browser, running.server.url, 'judy');
  await startConversation(ivan, 'judy');

  const tooLong = 'a'.repeat(MAX_CONTENT_LENGTH + 1);
  await ivan.getByLabel('Message').fill(tooLong);
  await ivan.getByRole('button', { name: 'Send' }).click();
  const refused = ivan.locator('li.message.mine').filter({ has: ivan.locator('.refusal') });
  const refusal = refused.getByRole('alert');
  await refusal.waitFor();
  assert.equal(
    await refusal.locator('span').textContent(),
    `Not sent: content must be at most ${MAX_CONTENT_LENGTH} characters`,
  );
  assert.equal(await refused.locator('.check').getAttribute('aria-label'), 'Not sent');
  assert.equal(sent.count, 1);

  // The refusal is the server's for good, so sent again it is refused again, and still offered.
  await refusal.getByRole('button', { name: 'Retry' }).click();
  await waitUntil(() => sent.count === 2);
  await refusal.getByRole('button', { name: 'Retry' }).waitFor();

  await refusal.getByRole('button', { name: 'Discard' }).click();
  await refused.waitFor({ state: 'detached' });
  await ivan.getByLabel('Message').fill('Shorter');
  await ivan.getByRole('button', { name: 'Send' }).click();
  await ivan.locator('.message.mine .check.stored').waitFor();
  await judy.getByRole('link', { name: 'ivan' }).click();
  await judy.locator('.messages').getByText('Shorter').waitFor();

  await ivan.reload();
  await ivan.locator('.messages').getByText('Shorter').waitFor();
  assert.equal(await ivan.locator('li.message').count(), 1);
  assert.equal(await ivan.locator('.refusal').count(), 0);
  assert.deepEqual(await judy.locator('.message .content').allTextContents(), ['Shorter']);
});

/** Waits, up to 10 s, until {@code condition} holds. */
async function waitUntil(condition) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`not so within 10 s: ${condition}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

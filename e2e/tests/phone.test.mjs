import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const PHONE = { width: 390, height: 844 };

/** The longest username the server takes. */
const LONGEST_USERNAME = 'a-very-long-username-of-32-chars';

const running = serverAndBrowser();

/** Fails unless {@code page} is no wider than its screen and its account menu is on it. */
async function assertFits(page, screen) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${screen} is ${scrollWidth} px wide on ${innerWidth}`);
  const account = await page.getByRole('button', { name: 'Account' }).boundingBox();
  assert.ok(
    account.x >= 0 && account.x + account.width <= innerWidth,
    `the account menu spans ${account.x} to ${account.x + account.width} px on ${screen}`,
  );
}

test('a phone shows a long username and a long conversation name within its width', async () => {
  assert.equal(LONGEST_USERNAME.length, 32);
  await signUp(running.browser, running.server.url, 'the-friend-with-a-long-name-too', PHONE);
  const page = await signUp(running.browser, running.server.url, LONGEST_USERNAME, PHONE);
  await page.getByRole('listitem').filter({ hasText: 'the-friend-with-a-long-name-too' }).waitFor();
  await assertFits(page, 'the chat page');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await page.getByRole('checkbox', { name: 'the-friend-with-a-long-name-too' }).check();

  const name = 'A conversation with a name far too long to fit on one line of a phone';
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await page.getByRole('heading', { name }).waitFor();
  await assertFits(page, 'the conversation');

  await page.getByRole('link', { name: 'Back to conversations' }).click();
  await page.getByRole('link', { name }).waitFor();
  await assertFits(page, 'the conversation list');
});

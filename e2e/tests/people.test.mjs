import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleErrors, signUp, signUpOn } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

/** How long the list of people is held back, for others to sign up before it comes. */
const SLOW_LIST_MS = 4_000;

const running = serverAndBrowser();

test('someone who signs up while my list of people is slow to come is listed, with no error', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const olga = await context.newPage();
  const errors = consoleErrors(olga);
  await olga.route('**/graphql', async (route) => {
    if (route.request().postDataJSON()?.operationName === 'getAllUsers') {
      await new Promise((resolve) => setTimeout(resolve, SLOW_LIST_MS));
    }
    await route.fallback();
  });
  await signUpOn(olga, running.server.url, 'olga');

  await signUp(running.browser, running.server.url, 'pavel');

  await olga.getByRole('listitem').filter({ hasText: 'pavel' }).waitFor();
  assert.deepEqual(errors, []);
});

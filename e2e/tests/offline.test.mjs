import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('once loaded, the app opens with no network, from its service worker', async () => {
  const page = await signUp(running.browser, running.server.url, 'carol');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  assert.ok(
    await page.evaluate(() => navigator.serviceWorker.controller !== null),
    'the worker controls the page',
  );

  await page.context().setOffline(true);
  await page.reload();

  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  assert.match(await page.getByRole('status').textContent(), /Offline\./);
});

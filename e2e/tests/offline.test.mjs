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

test('once loaded, the app opens with no network, from its service worker', async () => {
  const page = await signUp(browser, server.url, 'carol');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  assert.ok(
    await page.evaluate(() => navigator.serviceWorker.controller !== null),
    'the worker controls the page',
  );

  await page.context().setOffline(true);
  await page.reload();

  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  assert.equal((await page.locator('.status').textContent()).trim(), 'Offline');
});

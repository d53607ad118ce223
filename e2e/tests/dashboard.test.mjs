import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url).pathname;

const running = serverAndBrowser();

test('the administrator sees the activity as charts, and each series as CSV', async () => {
  // The first account of a server administers it.
  const ada = await signUp(running.browser, running.server.url, 'ada', {
    width: 1280,
    height: 900,
  });
  await signUp(running.browser, running.server.url, 'bert');
  await ada.reload();
  await startConversation(ada, 'bert');
  for (const content of ['One', 'Two']) {
    await ada.getByLabel('Message').fill(content);
    await ada.getByRole('button', { name: 'Send' }).click();
  }
  await ada.locator('.check.stored').nth(1).waitFor();

  await ada.getByRole('link', { name: 'Dashboard' }).click();
  await ada.getByRole('heading', { name: 'Messages per day' }).waitFor();

  assert.equal(await ada.locator('.chart-card canvas').count(), 6);
  const online = ada.getByRole('region', { name: 'Online now' });
  assert.deepEqual(
    (await online.locator('.u-legend .u-series').allInnerTexts()).map((row) => row.trim()),
    ['Connections', 'Subscriptions'],
    'the legend names the series, with no time and no empty values',
  );
  const total = async (term) =>
    (await ada.locator('.totals div', { hasText: term }).locator('dd').textContent()).trim();
  assert.equal(await total('Messages'), '2');
  assert.equal(await total('Conversations'), '1');
  assert.match(await total('Sessions'), /^[1-9]/);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await ada.screenshot({ path: `${SCREENSHOTS}desktop-dashboard.png`, fullPage: true });

  const downloading = ada.waitForEvent('download');
  await ada
    .getByRole('region', { name: 'Messages per day' })
    .getByRole('button', { name: 'Download CSV' })
    .click();
  const csv = readFileSync(await (await downloading).path(), 'utf8')
    .trim()
    .split('\r\n');
  assert.equal(csv[0], 'start,Messages');
  assert.equal(csv.length, 31, 'a row for each of the 30 days shown');
  assert.match(csv.at(-1), /,2$/, "today's two messages");

  const live = ada.waitForEvent('download');
  await ada
    .getByRole('region', { name: 'Online now' })
    .getByRole('button', { name: 'Download CSV' })
    .click();
  const samples = readFileSync(await (await live).path(), 'utf8')
    .trim()
    .split('\r\n');
  assert.equal(samples[0], 'start,Connections,Subscriptions');
  assert.match(samples[1], /,[1-9]\d*,\d+$/, 'the pages open in the browser are connected');
});

test('a user who is not an administrator is not shown the dashboard', async () => {
  const carl = await signUp(running.browser, running.server.url, 'carl');

  assert.equal(await carl.getByRole('link', { name: 'Dashboard' }).count(), 0);
  await carl.goto(`${running.server.url}/admin`);
  await carl.getByText('Only administrators can see the dashboard.').waitFor();
});

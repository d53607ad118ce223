import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  callGraphQL,
  consoleErrors,
  postMessage,
  signUp,
  startConversation,
} from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('the administrator deletes a reported message from the reports queue', async () => {
  // The first account of a server administers it.
  const ada = await signUp(running.browser, running.server.url, 'ada');
  const errors = consoleErrors(ada);
  const cleo = await signUp(running.browser, running.server.url, 'cleo');
  const ben = await signUp(running.browser, running.server.url, 'ben');
  const conversationId = await startConversation(ben, 'cleo');
  const messageId = await postMessage(cleo, running.server.url, conversationId, 'Buy cheap pills');
  await callGraphQL(
    ben,
    running.server.url,
    'mutation($c: ID!, $m: ID!) { reportMessage(conversationId: $c, messageId: $m, reason: "Spam") { id } }',
    { c: conversationId, m: messageId },
  );

  await ada.getByRole('link', { name: 'Dashboard' }).click();
  await ada.getByRole('link', { name: 'Reports' }).click();
  const report = ada.getByRole('listitem').filter({ hasText: 'Buy cheap pills' });
  await report.waitFor();
  const field = async (term) =>
    (await report.locator('dl div', { hasText: term }).locator('dd').textContent()).trim();
  assert.equal(await field('Author'), 'cleo');
  assert.equal(await field('Reported by'), 'ben');
  assert.equal(await field('Reason'), 'Spam');
  assert.match(await field('When'), /\d{4}/);

  await report.getByRole('button', { name: 'Delete message' }).click();
  const confirmation = ada.getByRole('dialog', { name: /Delete this message of cleo\?/ });
  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await confirmation.waitFor({ state: 'hidden' });
  await report.getByRole('button', { name: 'Delete message' }).click();
  await confirmation.getByRole('button', { name: 'Delete message' }).click();

  await ada.getByText('No open reports').waitFor();
  const { messageReports } = await callGraphQL(
    ada,
    running.server.url,
    '{ messageReports(status: RESOLVED) { reports { action message { deleted } } } }',
  );
  assert.deepEqual(messageReports.reports, [
    { action: 'DELETE_MESSAGE', message: { deleted: true } },
  ]);
  assert.deepEqual(errors, []);
});

test('a user who is not an administrator is refused the reports', async () => {
  const dora = await signUp(running.browser, running.server.url, 'dora');

  await dora.goto(`${running.server.url}/admin/reports`);
  await dora.getByText('Only administrators can see reports.').waitFor();
});

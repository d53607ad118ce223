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

test('a member reports a message from its menu, and its deletion from the queue reaches every member live', async () => {
  const eve = await signUp(running.browser, running.server.url, 'eve');
  const finn = await signUp(running.browser, running.server.url, 'finn');
  await startConversation(finn, 'eve');
  await eve.getByRole('link', { name: 'finn' }).click();
  await eve.getByLabel('Message').fill('Rude words');
  await eve.getByRole('button', { name: 'Send' }).click();
  const reported = finn.locator('li.message', { hasText: 'Rude words' });
  await reported.hover();
  await reported.getByRole('button', { name: 'More actions' }).click();
  await finn.getByRole('menuitem', { name: 'Report' }).click();
  const dialog = finn.getByRole('dialog', { name: 'Report to the administrators' });
  await dialog.getByLabel('What is wrong with it?').fill('Insults');
  await dialog.getByRole('button', { name: 'Report' }).click();
  await dialog.getByText('Thank you').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // ada, the first account of the server, signed up by the first test.
  const adminPage = await (await running.browser.newContext()).newPage();
  await adminPage.goto(`${running.server.url}/sign-in`);
  await adminPage.getByLabel('Username').fill('ada');
  await adminPage.getByLabel('Password').fill('password-of-ada');
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.waitForURL('**/chat');
  await adminPage.goto(`${running.server.url}/admin/reports`);
  const report = adminPage.getByRole('listitem').filter({ hasText: 'Rude words' });
  await report.waitFor();
  assert.match(await report.textContent(), /Insults/);
  await report.getByRole('button', { name: 'Delete message' }).click();
  await adminPage
    .getByRole('dialog', { name: /Delete this message of eve\?/ })
    .getByRole('button', { name: 'Delete message' })
    .click();

  for (const member of [eve, finn]) {
    await member.locator('li.message .content.tombstone').waitFor();
    assert.equal(await member.locator('.messages').getByText('Rude words').count(), 0);
  }
});

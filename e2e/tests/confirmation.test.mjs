import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startMailServer } from '../support/mail.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const mail = await startMailServer();
after(() => mail.stop());
const running = serverAndBrowser(() => [
  '--spring.mail.host=127.0.0.1',
  `--spring.mail.port=${mail.port}`,
]);

/** The 6-digit code of the first e-mail to {@code address}. */
async function codeIn(address) {
  const code = (await mail.messageTo(address)).match(/\b\d{6}\b/)?.[0];
  assert.ok(code, `the e-mail to ${address} holds a 6-digit code`);
  return code;
}

async function fillSignUp(page, username) {
  await page.goto(`${running.server.url}/sign-up`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('E-mail').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill(`password-of-${username}`);
  await page.getByRole('button', { name: 'Sign up' }).click();
}

test('a new account is confirmed with the code sent by e-mail, then signed in', async () => {
  const page = await (await running.browser.newContext()).newPage();
  await fillSignUp(page, 'holly');
  await page.getByRole('heading', { name: 'Confirm your account' }).waitFor();
  const code = await codeIn('holly@example.com');

  await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('alert').waitFor();

  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL('**/chat');
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
});

test('signing in to an unconfirmed account asks for its code, and a new one can be asked for', async () => {
  const page = await (await running.browser.newContext()).newPage();
  await fillSignUp(page, 'ivan');
  await page.getByRole('heading', { name: 'Confirm your account' }).waitFor();
  const code = await codeIn('ivan@example.com');

  await page.goto(`${running.server.url}/sign-in`);
  await page.getByLabel('Username').fill('ivan');
  await page.getByLabel('Password').fill('password-of-ivan');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Confirm your account' }).waitFor();
  await page.getByRole('button', { name: 'Send a new code' }).click();
  await page.getByRole('status').waitFor();

  // Within a minute of the first code, the server sends no other: the first one still holds.
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL('**/chat');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleErrors, signUp } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

test('a user blocked from the People menu cannot start a conversation with whoever blocked them, until unblocked', async () => {
  const alice = await signUp(running.browser, running.server.url, 'alice');
  const bob = await signUp(running.browser, running.server.url, 'bob');
  const errors = [...consoleErrors(alice), ...consoleErrors(bob)];
  const bobInAlicesList = alice.getByRole('listitem').filter({ hasText: 'bob' });

  await alice.getByRole('button', { name: 'Actions for bob' }).click();
  await alice.getByRole('menuitem', { name: 'Block' }).click();
  await bobInAlicesList.getByText('blocked').waitFor();

  await bob.getByRole('button', { name: 'New conversation' }).click();
  await bob.getByRole('checkbox', { name: 'alice', exact: true }).check();
  await bob.getByRole('button', { name: 'Start conversation' }).click();
  await bob.getByRole('alert').getByText('you cannot add this user to a conversation').waitFor();
  assert.match(bob.url(), /\/chat$/);

  // Unblocked with the keyboard alone: Enter opens the menu on its first item, Enter chooses it.
  await alice.getByRole('button', { name: 'Actions for bob' }).focus();
  await alice.keyboard.press('Enter');
  await alice.getByRole('menuitem', { name: 'Unblock' }).waitFor();
  await alice.keyboard.press('Enter');
  await bobInAlicesList.getByText('blocked').waitFor({ state: 'detached' });
  await alice.getByRole('button', { name: 'Actions for bob' }).click();
  await alice.getByRole('menuitem', { name: 'Block' }).waitFor();
  await alice.keyboard.press('Escape');

  await bob.getByRole('button', { name: 'Start conversation' }).click();
  await bob.waitForURL(/\/chat\/.+/);
  await alice.getByRole('link', { name: 'bob' }).waitFor();
  assert.deepEqual(errors, []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleErrors, signUp, signUpOn, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

/** Sends {@code content} from the compose box of the conversation open on {@code page}. */
async function send(page, content) {
  await page.getByLabel('Message').fill(content);
  await page.getByRole('button', { name: 'Send' }).click();
}

test('an unread message shows as a badge and in the title, until it is read', async () => {
  const bob = await signUp(running.browser, running.server.url, 'bob');
  const alice = await signUp(running.browser, running.server.url, 'alice');
  const errors = consoleErrors(bob);
  await startConversation(alice, 'bob');
  await send(alice, 'Are you there?');

  const inList = bob.getByRole('link', { name: 'alice' });
  await inList.getByRole('img', { name: '1 unread' }).waitFor();
  await inList.getByText('Are you there?').waitFor();
  await bob.waitForFunction(() => document.title === '(1) ChatQL');

  await inList.click();
  await bob.getByText('New messages').waitFor();
  await inList.getByRole('img', { name: '1 unread' }).waitFor({ state: 'detached' });
  await bob.waitForFunction(() => document.title === 'Conversation · ChatQL');
  assert.deepEqual(errors, []);
});

test('a message arriving in the open conversation is read there, with no badge', async () => {
  const nora = await signUp(running.browser, running.server.url, 'nora');
  const otto = await signUp(running.browser, running.server.url, 'otto');
  const errors = consoleErrors(nora);
  // Open while it has no message yet, as after starting it.
  await startConversation(nora, 'otto');
  await nora.getByText('No messages yet').waitFor();
  await otto.getByRole('link', { name: 'nora' }).click();
  const inList = nora.getByRole('link', { name: 'otto' });

  for (const content of ['First', 'Second']) {
    await send(otto, content);
    await nora.locator('.messages').getByText(content).waitFor();
    await inList.getByText(content).waitFor();
  }
  // The mark is sent at most once a second, and its count comes back after.
  await nora.waitForTimeout(2_500);
  assert.equal(await inList.getByRole('img', { name: /unread/ }).count(), 0);
  await nora.waitForFunction(() => document.title === 'Conversation · ChatQL');
  assert.deepEqual(errors, []);
});

test('who types shows to the others, and goes when they clear the box or send', async () => {
  const dave = await signUp(running.browser, running.server.url, 'dave');
  const carol = await signUp(running.browser, running.server.url, 'carol');
  const errors = consoleErrors(dave);
  await startConversation(carol, 'dave');
  const inList = dave.getByRole('link', { name: 'carol' });
  await inList.click();
  const indicator = dave.locator('.typing-indicator');
  const typing = (where) => where.filter({ hasText: 'carol is typing…' });

  await carol.getByLabel('Message').fill('Hel');
  await typing(indicator).waitFor();
  await typing(inList).waitFor();
  assert.equal(await indicator.getAttribute('aria-live'), 'polite');
  await carol.getByLabel('Message').fill('');
  await typing(indicator).waitFor({ state: 'detached' });
  await typing(inList).waitFor({ state: 'detached' });

  await carol.getByLabel('Message').fill('Hello');
  await typing(indicator).waitFor();
  await carol.getByRole('button', { name: 'Send' }).click();
  await dave.locator('.messages').getByText('Hello').waitFor();
  await typing(indicator).waitFor({ state: 'detached' });
  assert.equal(await indicator.textContent(), '');
  assert.deepEqual(errors, []);
});

test('my latest message tells who has seen it', async () => {
  const finn = await signUp(running.browser, running.server.url, 'finn');
  const erin = await signUp(running.browser, running.server.url, 'erin');
  const errors = consoleErrors(erin);
  await startConversation(erin, 'finn');
  await send(erin, 'Seen this?');
  await erin.locator('.message.mine .check.stored').waitFor();

  await finn.getByRole('link', { name: 'erin' }).click();
  await finn.locator('.messages').getByText('Seen this?').waitFor();

  await erin.locator('.message.mine .seen-by', { hasText: 'Seen by finn' }).waitFor();
  assert.deepEqual(errors, []);
});

test('someone online shows a green dot, grey once they close their tab', async () => {
  const hank = await signUp(running.browser, running.server.url, 'hank');
  const gina = await signUp(running.browser, running.server.url, 'gina');
  const errors = consoleErrors(gina);
  await startConversation(gina, 'hank');
  const inPeople = gina.locator('li.person', { hasText: 'hank' });

  await inPeople.getByRole('img', { name: 'online' }).waitFor();
  assert.match(await inPeople.locator('.presence-dot').getAttribute('class'), /\bonline\b/);
  await gina.locator('.members-presence', { hasText: 'online' }).waitFor();

  await hank.close();
  await inPeople.getByRole('img', { name: /^(last seen|offline)/ }).waitFor();
  assert.match(await inPeople.locator('.presence-dot').getAttribute('class'), /offline/);
  await gina.locator('.members-presence', { hasText: /last seen|offline/ }).waitFor();
  assert.deepEqual(errors, []);
});

test('someone idle for 5 minutes shows as away, and online again at their next input', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const jill = await context.newPage();
  await jill.clock.install();
  await signUpOn(jill, running.server.url, 'jill');
  const kurt = await signUp(running.browser, running.server.url, 'kurt');
  const errors = consoleErrors(kurt);
  await startConversation(kurt, 'jill');
  const inPeople = kurt.locator('li.person', { hasText: 'jill' });
  await inPeople.getByRole('img', { name: 'online' }).waitFor();

  await jill.clock.fastForward('05:30');
  await inPeople.getByRole('img', { name: 'away' }).waitFor();
  assert.match(await inPeople.locator('.presence-dot').getAttribute('class'), /\baway\b/);

  await jill.mouse.move(100, 100);
  await jill.mouse.move(200, 200);
  await inPeople.getByRole('img', { name: 'online' }).waitFor();
  assert.deepEqual(errors, []);
});

test('unread counts show offline as last known, and are exact again once back', async () => {
  const nina = await signUp(running.browser, running.server.url, 'nina');
  const omar = await signUp(running.browser, running.server.url, 'omar');
  await startConversation(omar, 'nina');
  await send(omar, 'One');
  const inList = nina.getByRole('link', { name: 'omar' });
  await inList.getByRole('img', { name: '1 unread' }).waitFor();
  await nina.evaluate(() => navigator.serviceWorker.ready);
  await nina.reload();
  await inList.getByRole('img', { name: '1 unread' }).waitFor();
  // The cache is written to IndexedDB a moment after it changes.
  await nina.waitForTimeout(1_500);

  await nina.context().setOffline(true);
  await nina.reload();
  await inList.getByRole('img', { name: '1 unread' }).waitFor();
  await nina.waitForFunction(() => document.title === '(1) ChatQL');
  await send(omar, 'Two');
  await omar.locator('.message.mine .check.stored').nth(1).waitFor();

  await nina.context().setOffline(false);
  await inList.getByRole('img', { name: '2 unread' }).waitFor();
  await nina.waitForFunction(() => document.title === '(2) ChatQL');
});

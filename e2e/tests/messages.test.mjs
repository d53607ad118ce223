import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callGraphQL, postMessage, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

/** The message on {@code page} that says {@code text} (not one that quotes it). */
function message(page, text) {
  return page.locator('li.message').filter({ has: page.locator('p.content', { hasText: text }) });
}

/** Opens the actions of the message saying {@code text} and picks {@code action}. */
async function act(page, text, action) {
  const shown = message(page, text);
  await shown.hover();
  await shown.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function react(page, text, emoji) {
  const shown = message(page, text);
  await shown.hover();
  await shown.getByRole('button', { name: 'Add a reaction' }).click();
  await page.getByRole('menuitem', { name: `React with ${emoji}` }).click();
}

/** Waits until the message box holds {@code value}. */
async function boxHolds(page, value) {
  await page.waitForFunction(
    (expected) => document.querySelector('#message-input')?.value === expected,
    value,
  );
}

async function send(page, content) {
  await page.getByLabel('Message').fill(content);
  await page.getByRole('button', { name: 'Send' }).click();
}

test('members edit, react to, reply to and delete messages, and each sees it live', async () => {
  const ann = await signUp(running.browser, running.server.url, 'ann');
  const ben = await signUp(running.browser, running.server.url, 'ben');
  await startConversation(ann, 'ben');
  await send(ann, 'Helo @ben');
  await ann.locator('.message.mine .check.stored').waitFor();
  await ben.getByRole('link', { name: 'ann' }).click();
  await ben.locator('.mention.me', { hasText: '@ben' }).waitFor();

  await act(ann, 'Helo', 'Edit');
  await boxHolds(ann, 'Helo @ben');
  await ann.getByLabel('Message').fill('Hello @ben');
  await ann.getByRole('button', { name: 'Save' }).click();
  await message(ben, 'Hello @ben').locator('.edited').waitFor();
  assert.equal(await ben.locator('.messages').getByText('Helo @ben').count(), 0);

  await react(ben, 'Hello @ben', '👍');
  const annChip = message(ann, 'Hello @ben').getByRole('button', { name: /^👍 1/ });
  await annChip.waitFor();
  assert.equal(await annChip.getAttribute('aria-pressed'), 'false');
  assert.equal(await annChip.getAttribute('title'), 'ben');
  await annChip.click();
  const benChip = message(ben, 'Hello @ben').getByRole('button', { name: /^👍 2/ });
  await benChip.waitFor();
  assert.equal(await benChip.getAttribute('aria-pressed'), 'true');
  await benChip.click();
  await message(ann, 'Hello @ben').getByRole('button', { name: '👍 1, ann' }).waitFor();

  await act(ben, 'Hello @ben', 'Reply');
  await ben.getByRole('status').filter({ hasText: 'Replying to ann' }).waitFor();
  await send(ben, 'Hi Ann!');
  const reply = message(ann, 'Hi Ann!');
  await reply.locator('.quote', { hasText: 'Hello @ben' }).waitFor();

  await act(ann, 'Hello @ben', 'Delete');
  await ann
    .getByRole('dialog', { name: 'Delete for everyone?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await ben.locator('.message .content.tombstone').waitFor();
  await message(ben, 'Hi Ann!')
    .locator('.quote', { hasText: 'This message was deleted' })
    .waitFor();
  assert.deepEqual(await ben.locator('.message .content').allTextContents(), [
    'This message was deleted',
    'Hi Ann!',
  ]);

  // A reload shows what the cache kept, and then the conversation as it is now.
  await ann.reload();
  await message(ann, 'Hi Ann!').waitFor();
  await ann.locator('.message .content.tombstone').waitFor();
  assert.deepEqual(await ann.locator('.message .content').allTextContents(), [
    'This message was deleted',
    'Hi Ann!',
  ]);
});

test('typing @ offers the members of the conversation, and Enter takes one', async () => {
  const cleo = await signUp(running.browser, running.server.url, 'cleo');
  await signUp(running.browser, running.server.url, 'dora');
  await signUp(running.browser, running.server.url, 'dorian');
  await startConversation(cleo, 'dora');

  const box = cleo.getByLabel('Message');
  await box.pressSequentially('Thanks @do');
  const options = cleo.getByRole('listbox', { name: 'Members' }).getByRole('option');
  await options.first().waitFor();
  assert.deepEqual(
    await options.allTextContents().then((names) => names.map((name) => name.trim())),
    ['dora'],
  );
  await box.press('Enter');
  await boxHolds(cleo, 'Thanks @dora ');
  await box.pressSequentially('for this');
  await box.press('Enter');

  await message(cleo, 'for this').locator('.mention', { hasText: '@dora' }).waitFor();
});

test('the arrow up key edits my last message, and Escape stops editing', async () => {
  const emil = await signUp(running.browser, running.server.url, 'emil');
  await signUp(running.browser, running.server.url, 'fay');
  await startConversation(emil, 'fay');
  await send(emil, 'First');
  await send(emil, 'Second');
  await emil.locator('.message.mine .check.stored').nth(1).waitFor();

  const box = emil.getByLabel('Message');
  await box.press('ArrowUp');
  await boxHolds(emil, 'Second');
  await box.press('Escape');
  await boxHolds(emil, '');
  await box.press('ArrowUp');
  await boxHolds(emil, 'Second');
  await box.fill('Second, fixed');
  await box.press('Enter');

  await message(emil, 'Second, fixed').locator('.edited').waitFor();
});

test('changes made offline wait in the outbox, in order, and one who was offline learns of them', async () => {
  const gil = await signUp(running.browser, running.server.url, 'gil');
  const hana = await signUp(running.browser, running.server.url, 'hana');
  await startConversation(gil, 'hana');
  await send(gil, 'One');
  await send(gil, 'Two');
  await gil.locator('.message.mine .check.stored').nth(1).waitFor();
  await hana.getByRole('link', { name: 'gil' }).click();
  await hana.locator('.messages').getByText('Two').waitFor();

  await gil.context().setOffline(true);
  await gil.locator('.offline-banner').waitFor();
  await act(gil, 'One', 'Edit');
  await gil.getByLabel('Message').fill('One, edited offline');
  await gil.getByRole('button', { name: 'Save' }).click();
  await react(gil, 'Two', '🎉');
  await react(gil, 'Two', '🎉');
  await react(gil, 'One, edited offline', '🔥');
  await message(gil, 'Two').getByRole('button', { name: /^🎉/ }).waitFor({ state: 'detached' });
  await message(gil, 'One, edited offline').getByRole('button', { name: '🔥 1, gil' }).waitFor();
  assert.equal(await hana.locator('.messages').getByText('One, edited offline').count(), 0);

  await hana.context().setOffline(true);
  await hana.locator('.offline-banner').waitFor();
  await gil.context().setOffline(false);
  await message(gil, 'One, edited offline').getByRole('button', { name: '🔥 1, gil' }).waitFor();
  await gil.locator('.offline-banner').waitFor({ state: 'detached' });
  await gil.waitForTimeout(1_000);
  assert.equal(await hana.locator('.messages').getByText('One, edited offline').count(), 0);

  await hana.context().setOffline(false);
  const edited = message(hana, 'One, edited offline');
  await edited.locator('.edited').waitFor();
  await edited.getByRole('button', { name: '🔥 1, gil' }).waitFor();
  assert.equal(await message(hana, 'Two').locator('.reaction').count(), 0);
});

test("a reply's quote leads to the message it answers, loading older pages to reach it", async () => {
  const kim = await signUp(running.browser, running.server.url, 'kim');
  const leo = await signUp(running.browser, running.server.url, 'leo');
  const conversationId = await startConversation(kim, 'leo');
  const question = await postMessage(kim, running.server.url, conversationId, 'The question');
  for (let filler = 1; filler <= 24; filler++) {
    await postMessage(kim, running.server.url, conversationId, `Filler ${filler}`);
  }
  const createdAt = new Date().toISOString();
  await callGraphQL(
    kim,
    running.server.url,
    'mutation($c: ID!, $id: ID!, $at: String!, $to: ID) { createMessage(conversationId: $c, id: $id, content: "The answer", createdAt: $at, replyToId: $to) { id } }',
    { c: conversationId, id: `${createdAt}_${crypto.randomUUID()}`, at: createdAt, to: question },
  );
  await leo.getByRole('link', { name: 'kim' }).click();
  const answer = message(leo, 'The answer');
  await answer.waitFor();
  assert.equal(await message(leo, 'The question').count(), 0);

  await answer.getByRole('button', { name: 'Reply to kim: go to the message' }).click();

  const quoted = message(leo, 'The question');
  await quoted.and(leo.locator('.highlighted')).waitFor();
  assert.ok(await quoted.isVisible());
});

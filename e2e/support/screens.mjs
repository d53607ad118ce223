import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { accessibilityViolations } from './accessibility.mjs';
import { postMessage, signUp, signUpOn, startConversation } from './browser.mjs';
import { serverAndBrowser } from './suite.mjs';

/** Where the screenshots of the main screens go, one per screen, viewport and colour scheme. */
const FOLDER = new URL('../target/screenshots/', import.meta.url).pathname;

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

/** The first account of a server administers it, and sees the dashboard. */
const ADMIN = 'screens-admin';

/**
 * A test, against a server of its own, that shoots each main screen on the viewport {@code name}
 * ("phone" or "desktop") in the {@code colorScheme} ("light" or "dark"), and fails on any serious
 * or critical accessibility violation axe-core finds on them. One per file, each file well within
 * the suite's time limit.
 */
export function testMainScreens(name, colorScheme) {
  const viewport = VIEWPORTS[name];
  const running = serverAndBrowser();
  mkdirSync(FOLDER, { recursive: true });

  test(`the main screens on a ${name} in ${colorScheme} mode, accessible`, async () => {
    await (await signUp(running.browser, running.server.url, ADMIN)).context().close();
    const shots = [];
    const problems = [];
    const shoot = async (page, screen) => {
      const path = `${FOLDER}${name}-${colorScheme}-${screen}.png`;
      await page.screenshot({ path });
      shots.push(path);
      for (const violation of await accessibilityViolations(page)) {
        problems.push(`${screen}: ${violation}`);
      }
    };
    const newPage = async () =>
      (await running.browser.newContext({ viewport, colorScheme })).newPage();
    const prefix = `${name}-${colorScheme}`;

    const entrance = await newPage();
    await entrance.goto(`${running.server.url}/sign-in`);
    await entrance.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot(entrance, 'sign-in');
    await entrance.goto(`${running.server.url}/sign-up`);
    await entrance.getByRole('heading', { name: 'Create an account' }).waitFor();
    await shoot(entrance, 'sign-up');

    const friendPage = await newPage();
    await signUpOn(friendPage, running.server.url, `${prefix}-friend`);
    const page = await newPage();
    await signUpOn(page, running.server.url, `${prefix}-user`);
    await page.reload();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${prefix}-friend` })
      .waitFor();
    await shoot(page, 'chat');
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByRole('searchbox', { name: 'Search people' }).fill(name);
    await page.getByRole('checkbox', { name: `${prefix}-friend`, exact: true }).check();
    await shoot(page, 'new-conversation');
    await page.getByRole('button', { name: 'Cancel' }).click();

    const conversationId = await startConversation(page, `${prefix}-friend`);
    await shoot(page, 'conversation-empty');
    for (const content of ['Hi! Lunch at noon?', 'At the usual place?']) {
      await postMessage(friendPage, running.server.url, conversationId, content);
    }
    const menu = 'Sure, see you there.\nThe menu: https://example.com/menu';
    await postMessage(page, running.server.url, conversationId, menu);
    await page.getByLabel('Message').fill('On my way');
    await page.getByLabel('Message').press('Enter');
    await page.locator('.message.mine .check.stored').nth(1).waitFor();
    await shoot(page, 'conversation');

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
    await shoot(page, 'account-menu');
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shoot(page, 'settings');

    const admin = await newPage();
    await admin.goto(`${running.server.url}/sign-in`);
    await admin.getByLabel('Username').fill(ADMIN);
    await admin.getByLabel('Password').fill(`password-of-${ADMIN}`);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('link', { name: 'Dashboard' }).click();
    await admin.getByRole('heading', { name: 'Messages per day' }).waitFor();
    await shoot(admin, 'dashboard');

    for (const path of shots) {
      assert.ok(statSync(path).size > 0, `${path} was written`);
    }
    assert.deepEqual(problems, [], 'no serious or critical accessibility violation');
  });
}

import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { postMessage, signUp, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

/** Where the screenshots of the main screens go, one per screen and viewport. */
const FOLDER = new URL('../target/screenshots/', import.meta.url).pathname;

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

const running = serverAndBrowser();

mkdirSync(FOLDER, { recursive: true });

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`screenshots of the main screens on a ${name}`, async () => {
    const shots = [];
    const shoot = async (page, screen) => {
      const path = `${FOLDER}${name}-${screen}.png`;
      await page.screenshot({ path });
      shots.push(path);
    };
    const entrance = await running.browser.newPage({ viewport });
    await entrance.goto(`${running.server.url}/sign-in`);
    await entrance.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot(entrance, 'sign-in');
    await entrance.goto(`${running.server.url}/sign-up`);
    await entrance.getByRole('heading', { name: 'Create an account' }).waitFor();
    await shoot(entrance, 'sign-up');

    await signUp(running.browser, running.server.url, `${name}-friend`, viewport);
    const page = await signUp(running.browser, running.server.url, `${name}-user`, viewport);
    await page.reload();
    await page.getByRole('checkbox', { name: `${name}-friend`, exact: true }).waitFor();
    await shoot(page, 'chat');
    const conversationId = await startConversation(page, `${name}-friend`);
    for (const content of ['Hi! Lunch at noon?', 'Sure, see you there.']) {
      await postMessage(page, running.server.url, conversationId, content);
    }
    await page.locator('.messages').getByText('Sure, see you there.').waitFor();
    await shoot(page, 'conversation');

    for (const path of shots) {
      assert.ok(statSync(path).size > 0, `${path} was written`);
    }
  });
}

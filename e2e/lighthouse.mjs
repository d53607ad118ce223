// Lighthouse scores of the conversation page, on a phone (Lighthouse's default mobile emulation)
// and on a desktop: starts the server jar, signs a user up in Debian's Chromium, opens a
// conversation with a dozen messages, and audits it. Run with `npm run lighthouse`; the whole
// reports are written to target/lighthouse/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, signUpOn, startConversation } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const DEBUGGING_PORT = 9333;

/** Where the whole reports go, one JSON file a device. */
const REPORTS = join(import.meta.dirname, 'target', 'lighthouse');
mkdirSync(REPORTS, { recursive: true });

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'chatql-lighthouse-'));
// One persistent profile, so that the tabs Lighthouse opens share the signed-in session.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, `--remote-debugging-port=${DEBUGGING_PORT}`],
});
try {
  const page = await browser.newPage();
  await signUpOn(page, server.url, 'friend');
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signUpOn(page, server.url, 'reader');
  await startConversation(page, 'friend');
  for (let i = 1; i <= 12; i++) {
    await page.getByLabel('Message').fill(`Message number ${i}`);
    await page.getByRole('button', { name: 'Send' }).click();
  }
  await page.locator('.check.stored').nth(11).waitFor();
  for (const [device, config] of [
    ['phone', undefined],
    ['desktop', desktopConfig],
  ]) {
    const { lhr } = await lighthouse(
      page.url(),
      { port: DEBUGGING_PORT, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      config,
    );
    const scores = Object.values(lhr.categories).map(
      (category) => `${category.title} ${Math.round(category.score * 100)}`,
    );
    const metrics = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'speed-index',
      'cumulative-layout-shift',
    ].map((id) => `${lhr.audits[id].title} ${lhr.audits[id].displayValue}`);
    console.log(`${device}, ${lhr.finalDisplayedUrl}: ${scores.join(', ')}`);
    console.log(`  ${metrics.join(', ')}`);
    writeFileSync(join(REPORTS, `${device}.json`), JSON.stringify(lhr, null, 1));
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

import { chromium } from 'playwright-core';

/** Debian's Chromium, headless; never a downloaded browser. CHROMIUM names another binary. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs a new user up in a browser context of its own, and waits for the chat page. */
export async function signUp(browser, url, username, viewport = { width: 1200, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${url}/sign-up`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('E-mail').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill(`password-of-${username}`);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/chat');
  return page;
}

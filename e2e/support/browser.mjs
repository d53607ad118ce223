import { chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. CHROMIUM names another binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for Chromium on a machine with no display and a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Signs a new user up in a browser context of its own, and waits for the chat page. */
export async function signUp(browser, url, username, viewport = { width: 1200, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signUpOn(page, url, username);
  return page;
}

/** Signs a new user up on {@code page}, through the sign-up page, and waits for the chat page. */
export async function signUpOn(page, url, username) {
  await page.goto(`${url}/sign-up`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('E-mail').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill(`password-of-${username}`);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/chat');
}

/**
 * Starts a conversation from {@code page} with the users named, picked in the New conversation
 * dialog, and waits until it is open.
 */
export async function startConversation(page, ...usernames) {
  await page.getByRole('button', { name: 'New conversation' }).click();
  for (const username of usernames) {
    await page.getByRole('checkbox', { name: username, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await page.waitForURL(/\/chat\/.+/);
  return page.url().split('/chat/')[1];
}

/**
 * Sends a GraphQL operation as the user signed in on {@code page}, straight to the API, and answers
 * its data; fails on any error.
 */
export async function callGraphQL(page, url, query, variables = {}) {
  const { accessToken } = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('chatql.session')),
  );
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) {
    throw new Error(`${query} failed: ${JSON.stringify(body)}`);
  }
  return body.data;
}

/** Posts a message as the user on {@code page}, straight to the GraphQL API; answers its id. */
export async function postMessage(page, url, conversationId, content) {
  const createdAt = new Date().toISOString();
  const id = `${createdAt}_${crypto.randomUUID()}`;
  await callGraphQL(
    page,
    url,
    'mutation($c: ID!, $id: ID!, $content: String, $at: String!) { createMessage(conversationId: $c, id: $id, content: $content, createdAt: $at) { id } }',
    { c: conversationId, id, content, at: createdAt },
  );
  return id;
}

/** The errors {@code page} writes to its console, or throws uncaught, from now on. */
export function consoleErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

import { after, before } from 'node:test';
import { launchChromium } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * Starts a server jar and a browser before the tests of the calling file and stops both after
 * them; the returned object holds them once started.
 */
export function serverAndBrowser() {
  const running = { server: undefined, browser: undefined };
  before(async () => {
    running.server = await startServer();
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

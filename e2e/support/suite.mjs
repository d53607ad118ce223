import { after, before } from 'node:test';
import { launchChromium } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * Starts a server jar (with the settings {@code settings()} gives) and a browser before the tests
 * of the calling file and stops both after them; the returned object holds them once started.
 */
export function serverAndBrowser(settings = () => []) {
  const running = { server: undefined, browser: undefined };
  before(async () => {
    running.server = await startServer(await settings());
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

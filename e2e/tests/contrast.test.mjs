import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signUp, signUpOn, startConversation } from '../support/browser.mjs';
import { serverAndBrowser } from '../support/suite.mjs';

const running = serverAndBrowser();

/**
 * The contrast of the disabled Send button on {@code page} with the compose bar it sits on, and of
 * its label with it, as WCAG counts them, with the button's opacity blended in.
 */
function disabledSendContrasts(page) {
  return page.getByRole('button', { name: 'Send' }).evaluate((button) => {
    const rgb = (color) => color.match(/[\d.]+/g).map(Number);
    const blend = ([r, g, b, a = 1], opacity, [br, bg, bb]) =>
      [r, g, b].map((channel, i) => channel * a * opacity + [br, bg, bb][i] * (1 - a * opacity));
    const luminance = (channels) => {
      const [r, g, b] = channels.map((channel) => {
        const c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (one, other) => {
      const [light, dark] = [luminance(one), luminance(other)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    const style = getComputedStyle(button);
    const opacity = Number(style.opacity);
    const bar = rgb(getComputedStyle(button.closest('.compose')).backgroundColor);
    const fill = blend(rgb(style.backgroundColor), opacity, bar);
    const label = blend(rgb(style.color), opacity, fill);
    return { disabled: button.disabled, fill: contrast(fill, bar), label: contrast(label, fill) };
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`the disabled Send button stands out by 3:1 at least, ${colorScheme}`, async () => {
    const context = await running.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await signUpOn(page, running.server.url, `kim-${colorScheme}`);
    await signUp(running.browser, running.server.url, `lee-${colorScheme}`);
    await startConversation(page, `lee-${colorScheme}`);

    const contrasts = await disabledSendContrasts(page);

    assert.equal(contrasts.disabled, true);
    assert.ok(contrasts.fill >= 3, `the button on the bar: ${contrasts.fill.toFixed(2)}:1`);
    assert.ok(contrasts.label >= 3, `its label on it: ${contrasts.label.toFixed(2)}:1`);
    await context.close();
  });
}

import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** How bad a violation must be to fail a test. */
const FAILING_IMPACTS = ['serious', 'critical'];

/**
 * The serious and critical accessibility violations axe-core finds on {@code page} as it is now,
 * one line each: the rule, what it says, and the elements concerned.
 */
export async function accessibilityViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => FAILING_IMPACTS.includes(violation.impact))
    .map(({ id, impact, help, targets }) => `${id} (${impact}): ${help} at ${targets.join(', ')}`);
}

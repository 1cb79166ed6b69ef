import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe's serious and critical findings, in a shape that reads well in a failed assertion. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Once the page's heading is shown: no serious or critical axe violations. */
export async function expectAxeClean(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Next streams a page's metadata: its <title> may land just after the heading. Axe requires one; wait for it.
  await expect(page).toHaveTitle(/\S/);
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

import type { Page } from '@playwright/test';
import { defined } from './defined';

// The payments dashboard's specs (e2e/dashboard-payments*.spec.ts); their payments are made with paidSession.

/** The charge ids a payments list page shows, in order (from the links to their pages). */
export async function listedCharges(page: Page): Promise<string[]> {
  const hrefs = await page.getByTestId('payment-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => defined(h.split('/').pop(), `a charge id in ${h}`));
}

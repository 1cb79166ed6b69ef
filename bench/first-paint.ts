// First contentful paint of the checkout page beside the same build's home page, each load in a fresh browser context
// (an empty cache, as a customer's first visit), alternating, in one Chromium; the medians of `rounds` loads each.
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath as executablePath } from '../e2e/support/chromium-path';

export type FirstPaint = { page_ms: number; home_ms: number; rounds: number };

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function firstPaintOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const fcp = await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').at(0)?.startTime ?? null,
      undefined,
      { timeout: 60_000 },
    );
    return Math.round(Number(await fcp.jsonValue()));
  } finally {
    await context.close();
  }
}

export async function measureFirstPaint(baseUrl: string, pagePath: string, rounds = 7): Promise<FirstPaint> {
  const browser = await chromium.launch({ executablePath });
  try {
    // One load of each first, unmeasured: the server's first render of a route is not a customer's.
    await firstPaintOnce(browser, `${baseUrl}${pagePath}`);
    await firstPaintOnce(browser, `${baseUrl}/`);
    const page: number[] = [];
    const home: number[] = [];
    for (let i = 0; i < rounds; i++) {
      page.push(await firstPaintOnce(browser, `${baseUrl}${pagePath}`));
      home.push(await firstPaintOnce(browser, `${baseUrl}/`));
    }
    return { page_ms: median(page), home_ms: median(home), rounds };
  } finally {
    await browser.close();
  }
}

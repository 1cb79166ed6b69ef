// npm run bench:proof-of-work: what the card-testing proof-of-work costs a real customer, in Chromium, at each
// level (declines on the session), from the checkout page's load to the solved field; writes bench/proof-of-work.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import postgres from 'postgres';
import { postPayForm } from '../e2e/api/pay-without-javascript';
import { oneTimePrice } from '../e2e/support/catalog';
import { newMerchantOn } from '../e2e/support/merchant';
import { CARD_TESTING } from '../lib/checkout/card-testing';
import { counterRange, PROOF_OF_WORK } from '../lib/security/proof-of-work';
import { BenchSetupError, DEFAULT_DATABASE_URL, startBenchServer } from './server';
import { defined } from '../e2e/support/defined';

const LEVELS = [1, 2, 3];
const RUNS_PER_LEVEL = Number(process.env.BENCH_POW_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startBenchServer({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    poolSize: 5,
  });
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const merchant = await newMerchantOn(server, 'Bench Shop');
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const results: {
      level: number;
      counter_range: [number, number];
      pbkdf2_iterations_min: number;
      solve_ms: number[];
      median_ms: number;
    }[] = [];
    for (const level of LEVELS) {
      const times: number[] = [];
      for (let run = 0; run < RUNS_PER_LEVEL; run++) {
        const session = await merchant.stripe.checkout.sessions.create({
          mode: 'payment',
          line_items: [{ price: price.id, quantity: 1 }],
          success_url: 'https://shop.example/ok',
        });
        // Real declines through the pay form bring the session to level 1 (each from its own client, as a proxy
        // would report them). Past that, a decline must itself carry a solved proof, so the further declines a
        // higher level stands for are written to the session directly rather than solved here.
        const headers = { 'x-forwarded-for': `10.9.${level}.${run + 1}` };
        for (let d = 0; d < CARD_TESTING.challengeAfterSessionDeclines; d++)
          await postPayForm(defined(session.url, 'session.url'), { card: '4000 0000 0000 0002', headers });
        await sql`update checkout_sessions set declined_attempts = declined_attempts + ${level - 1} where id = ${session.id}`;
        const page = await browser.newPage({ extraHTTPHeaders: headers });
        await page.goto(defined(session.url, 'session.url'), { waitUntil: 'load' });
        const loaded = Date.now();
        await page.locator('input[name="altcha"]').waitFor({ state: 'attached', timeout: 600_000 });
        times.push(Date.now() - loaded);
        await page.close();
      }
      const range = counterRange(level);
      results.push({
        level,
        counter_range: range,
        pbkdf2_iterations_min: range[0] * PROOF_OF_WORK.cost,
        solve_ms: times,
        median_ms: median(times),
      });
      console.log(`level ${level}: counter ${range[0]}–${range[1]}, solved in ${times.join(', ')} ms (median ${median(times)} ms)`);
    }
    const file = path.join(__dirname, 'proof-of-work.json');
    writeFileSync(
      file,
      `${JSON.stringify({ measured_at: new Date().toISOString(), machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model ?? null, loadavg_1m: Number(os.loadavg()[0].toFixed(2)) }, algorithm: PROOF_OF_WORK.algorithm, cost: PROOF_OF_WORK.cost, levels: results }, null, 2)}\n`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
  } finally {
    await browser.close();
    await sql.end({ timeout: 1 });
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof BenchSetupError ? err.message : err);
  process.exit(1);
});

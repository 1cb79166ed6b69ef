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
    const results: {
      level: number;
      counter_range: [number, number];
      pbkdf2_iterations_min: number;
      counters: number[];
      solve_ms: number[];
      median_ms: number;
    }[] = [];
    for (const level of LEVELS) {
      // A merchant per level: its declines stay under the account-wide threshold, which would otherwise ask the
      // set-up declines themselves for a proof (and the session would stop short of the level).
      const merchant = await newMerchantOn(server, `Bench Shop ${level}`);
      const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
      const times: number[] = [];
      const counters: number[] = [];
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
        // From the page's first byte (the solver starts once the page hydrates) to the solved hidden field.
        await page.goto(defined(session.url, 'session.url'), { waitUntil: 'commit' });
        const committed = Date.now();
        const field = page.locator('input[name="altcha"]');
        await field.waitFor({ state: 'attached', timeout: 600_000 });
        times.push(Date.now() - committed);
        // The solution itself says which level was asked and how far the solver had to count.
        const solved = JSON.parse(Buffer.from((await field.getAttribute('value')) ?? '', 'base64').toString('utf8')) as {
          challenge: { parameters: { data?: { level?: number } } };
          solution: { counter: number };
        };
        if (solved.challenge.parameters.data?.level !== level)
          throw new Error(`asked for level ${level}, the page set level ${String(solved.challenge.parameters.data?.level)}`);
        counters.push(solved.solution.counter);
        await page.close();
      }
      const range = counterRange(level);
      results.push({
        level,
        counter_range: range,
        pbkdf2_iterations_min: range[0] * PROOF_OF_WORK.cost,
        counters,
        solve_ms: times,
        median_ms: median(times),
      });
      console.log(
        `level ${level}: counters ${counters.join(', ')} (range ${range[0]}–${range[1]}), solved in ${times.join(', ')} ms (median ${median(times)} ms)`,
      );
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

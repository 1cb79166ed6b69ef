import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testServerUrl, type Merchant } from '../support/merchant';

// Shared by the Python library's API tests: Debian's python3-stripe (5.0), as .ci/run installs it. No
// skip: without it these tests fail.

export const PYTHON = '/usr/bin/python3';

/** What every script starts with: Stripe's Python library pointed at Caisse, only the host changed. */
const PREAMBLE = String.raw`
import json, os, time, stripe
stripe.api_key = os.environ["CAISSE_API_KEY"]
stripe.api_base = os.environ["CAISSE_URL"]
stripe.max_network_retries = 0
`;

const run = promisify(execFile);

/**
 * Runs `script` (after the preamble) with the merchant's secret key and `env`, and answers the JSON it
 * printed. A failing script fails the test with Python's traceback.
 */
export async function runPython(merchant: Merchant, script: string, env: Record<string, string> = {}): Promise<unknown> {
  try {
    const { stdout } = await run(PYTHON, ['-c', `${PREAMBLE}\n${script}`], {
      env: { ...process.env, ...env, CAISSE_API_KEY: merchant.secretKey, CAISSE_URL: testServerUrl() },
      encoding: 'utf8',
      timeout: 90_000,
    });
    return JSON.parse(stdout) as unknown;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`${PYTHON} failed: ${e.message}\n${e.stderr ?? ''}`);
  }
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testServerUrl } from '../support/merchant';

// Shared by the stripe-docs-curl*.test.ts files: curl commands pasted from Stripe's docs, run with the
// real curl against Caisse.

const run = promisify(execFile);

export type CurlReply = { status: number; body: unknown };

/**
 * Runs the real curl with these arguments. --silent and --write-out are added so the test reads the
 * status code; everything else is the caller's.
 */
export async function curl(args: string[]): Promise<CurlReply> {
  const { stdout } = await run('curl', ['--silent', '--write-out', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: JSON.parse(stdout.slice(0, cut)) as unknown };
}

/** Characters a shell would act on outside quotes; Stripe's examples quote theirs, so one here is a mistake. */
const SHELL_SPECIAL = new Set(['$', '`', '|', '&', ';', '<', '>', '(', ')']);

/**
 * Splits a command into words as a POSIX shell does for the plain commands in Stripe's docs: backslash-
 * newline continues the line, single quotes keep everything, double quotes keep all but \" \\ \$ \`,
 * and adjacent pieces join into one word (`"metadata[order_id]"=6735` is `metadata[order_id]=6735`).
 * No expansion of any kind: a `$` or a pipe outside quotes is refused rather than guessed at.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const unterminated = () => new Error(`Unterminated quote in: ${command}`);
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === '\\') {
      i++;
      if (i >= command.length) throw new Error(`Trailing backslash in: ${command}`);
      if (command[i] === '\n') continue;
      word += command[i];
      inWord = true;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw unterminated();
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      for (i++; command[i] !== '"'; i++) {
        if (i >= command.length) throw unterminated();
        if (command[i] === '\\' && '"\\$`\n'.includes(command[i + 1])) {
          i++;
          if (command[i] !== '\n') word += command[i];
        } else word += command[i];
      }
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (SHELL_SPECIAL.has(c)) {
      throw new Error(`Unquoted '${c}' in: ${command}`);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Runs a curl command exactly as Stripe's docs print it, changing only what a merchant changes when
 * pasting it: the host (https://api.stripe.com → Caisse), the key (the docs' `<<YOUR_SECRET_KEY>>`,
 * which the docs page fills in as `sk_test_…:` for a signed-in reader) and the ids (`{{CHARGE_ID}}`…).
 */
export async function docsCurl(command: string, p: { key: string; ids?: Record<string, string> }): Promise<CurlReply> {
  const pasted = command
    .trim()
    .replaceAll('https://api.stripe.com', testServerUrl())
    .replace(/<<YOUR_SECRET_KEY>>:?/g, `${p.key}:`)
    .replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      const id = p.ids?.[name];
      if (id === undefined) throw new Error(`No id given for {{${name}}}`);
      return id;
    });
  const [program, ...args] = shellWords(pasted);
  if (program !== 'curl') throw new Error(`Not a curl command: ${command}`);
  return curl(args);
}

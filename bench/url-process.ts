// A bench server in a process of its own, so that it never shares the load generator's event loop: the script prints
// its URL on stdout first and stops on SIGTERM.
import { spawn } from 'node:child_process';

export type UrlProcess = { url: string; stop: () => Promise<void> };

export async function spawnUrlProcess(script: string, env: Record<string, string>): Promise<UrlProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => {
      resolve(d.toString().trim());
    });
    child.once('exit', (code) => {
      reject(new Error(`${script} exited (${code})`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

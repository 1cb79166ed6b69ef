// npm run webhooks:listen -- --forward-to http://localhost:4242/webhook [--api-key sk_test_…] [--api-base URL] [--events a,b.*]
// Forwards a Caisse account's new events to a local URL, like `stripe listen`; works against any Caisse over its API.
import { parseArgs } from 'node:util';
import { startListen } from '../lib/webhooks/listen';

async function main() {
  const { values } = parseArgs({
    options: {
      'forward-to': { type: 'string' },
      'api-key': { type: 'string' },
      'api-base': { type: 'string' },
      events: { type: 'string' },
    },
  });
  const forwardTo = values['forward-to'];
  // The environment is the default so the key need not sit in shell history.
  const apiKey = values['api-key'] ?? process.env.CAISSE_API_KEY;
  if (!forwardTo || !apiKey) {
    console.error(
      'usage: npm run webhooks:listen -- --forward-to <url> [--api-key sk_test_… | env CAISSE_API_KEY] [--api-base http://localhost:3000] [--events type,prefix.*]',
    );
    process.exit(2);
  }
  const listener = await startListen({
    apiBase: values['api-base'] ?? 'http://localhost:3000',
    apiKey,
    forwardTo,
    events: values.events
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        resolve();
      });
  });
  await listener.stop();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { z } from 'zod';
import { parseTrustedProxies } from './security/client-address';
import { dbEnvShape } from '@/db/config';

const schema = z.object({
  // The database's settings are defined beside the client that reads them (db/config.ts).
  DATABASE_URL: dbEnvShape.DATABASE_URL,
  PGLITE_DIR: dbEnvShape.PGLITE_DIR,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Server processes sharing PORT (node:cluster), to use every core; more than 1 needs DATABASE_URL (PGlite is one process's).
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  // How much V8 lets a server process's heap grow past what it holds after a collection, in percent (0: V8's own
  // choice, up to 300 % with memory to spare). docs/SCALING.md, "Memory".
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(300).default(10),
  // Pages rendered at once by a server process, the others waiting their turn (0: no limit). docs/SCALING.md.
  PAGE_CONCURRENCY: z.coerce.number().int().min(0).max(10_000).default(8),
  // The address the HTTP server listens on (all interfaces by default).
  HOST: z.string().min(1).default('0.0.0.0'),
  // Proxies whose X-Forwarded-For entries are believed (addresses, CIDRs, loopback/linklocal/uniquelocal, or a
  // hop count): unset, per-client limits use the socket's address and ignore X-Forwarded-For.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  APP_URL: z.url().optional(),
  DEMO_SECRET_KEY: z
    .string()
    .regex(/^sk_test_[A-Za-z0-9_]{16,}$/, 'DEMO_SECRET_KEY must look like sk_test_ followed by at least 16 characters')
    .optional(),
  // The installation's master keys (comma-separated, newest first), which protect card fingerprints, webhook
  // secrets, dashboard cookies and proof-of-work challenges. Unset: read from (or made in) the key file.
  CAISSE_SECRET_KEY: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CAISSE_SECRET_KEY_FILE: z.string().min(1).default('.data/secret.key'),
  // Lets an operator provision merchant accounts over HTTP (POST /operator/accounts).
  CAISSE_OPERATOR_KEY: z.string().min(32, 'CAISSE_OPERATOR_KEY must be at least 32 characters').optional(),
  // Turns on GET /metrics (Prometheus), for a scraper that sends it as a Bearer token. Unset: /metrics answers 404.
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  DB_POOL_SIZE: dbEnvShape.DB_POOL_SIZE,
  // 'off' when webhooks are delivered by a separate `npm run webhooks:worker` process instead of the server.
  WEBHOOK_WORKER: z
    .enum(['on', 'off', ''])
    .default('on')
    .transform((v) => (v === 'off' ? 'off' : 'on')),
  // 'off' when another server process sweeps expired sessions (and does the housekeeping): at least one must keep it on.
  EXPIRY_SWEEP: z
    .enum(['on', 'off', ''])
    .default('on')
    .transform((v) => (v === 'off' ? 'off' : 'on')),
  // Where receipts are sent through (smtp://user:pass@host:port, smtps:// for TLS); unset keeps them in the database.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  EMAIL_FROM: z.string().min(3).default('Caisse <receipts@localhost>'),
  // 'off' when another server process sends the queued emails: at least one must keep it on.
  EMAIL_WORKER: z
    .enum(['on', 'off', ''])
    .default('on')
    .transform((v) => (v === 'off' ? 'off' : 'on')),
  // How long a claimed delivery stays claimed before another worker may take it over (a crashed worker's
  // deliveries wait this long). Keep it above the 10 s delivery timeout, or a slow live delivery can be sent twice.
  WEBHOOK_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // 'off' when another server process settles SEPA debits: at least one must keep it on.
  ASYNC_PAYMENT_SWEEP: z
    .enum(['on', 'off', ''])
    .default('on')
    .transform((v) => (v === 'off' ? 'off' : 'on')),
  // 'off' when another server process runs subscription billing (renewals, retries, test clock take-overs).
  SUBSCRIPTION_BILLING: z
    .enum(['on', 'off', ''])
    .default('on')
    .transform((v) => (v === 'off' ? 'off' : 'on')),
  // How long a test-mode SEPA debit takes to succeed or fail (days at a real bank).
  SEPA_TEST_SETTLE_SECONDS: z.coerce.number().int().min(0).max(86400).default(5),
  // DNS servers that verify custom domains' TXT records (comma-separated host:port); unset uses the system's.
  DNS_SERVERS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .refine(
      (list) => list.every((s) => /^(\[[0-9a-fA-F:.]+\]|[0-9.]+|[0-9a-fA-F:]+)(:\d{1,5})?$/.test(s)),
      'DNS_SERVERS must be IP addresses, each with an optional :port',
    ),
  // The port of checkout links on a custom domain (https://pay.example.com:PORT/c/…); unset means the scheme's default.
  CUSTOM_DOMAIN_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Adaptive pricing converts at the latest exchange rates (npm run fx:import) no older than this; older, the
  // customer pays in the merchant's currency.
  FX_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(7),
  // Lets deliveries reach loopback and private addresses: for local development and tests only.
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export type Env = z.infer<typeof schema> & { APP_URL: string };

let cached: Env | undefined;

/** The environment, read and checked once. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  cached = { ...e, APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '') };
  return cached;
}

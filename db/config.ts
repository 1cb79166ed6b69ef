import { z } from 'zod';

/**
 * The database settings in the environment. lib/env.ts checks them with the rest of the environment at
 * start-up, from these same definitions; db/ reads them here, so it needs nothing from lib/.
 */
export const dbEnvShape = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().default('.data/pglite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
};

const dbEnv = z.object(dbEnvShape);

export type DbConfig = z.infer<typeof dbEnv>;

let cached: DbConfig | undefined;

/** The database settings, read and checked once. */
export function dbConfig(): DbConfig {
  if (cached) return cached;
  const parsed = dbEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

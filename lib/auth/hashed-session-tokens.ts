import { createHash } from 'node:crypto';
import type { BetterAuthOptions, DBAdapter, DBAdapterInstance, DBTransactionAdapter, Where } from 'better-auth';

/**
 * Dashboard sessions keep only the SHA-256 of their token, so a copy of the
 * database cannot be replayed as cookies. The tokens are 32 random characters
 * (≥ 190 bits), so a fast hash is enough and lookups stay on the unique index.
 *
 * better-auth stores session tokens as they are; this wraps its database
 * adapter so that every token it writes or compares is hashed on the way in.
 * A row found by its token is handed back with that token in clear, because
 * better-auth signs the cookie again from it; a row found otherwise (by user)
 * carries only the hash, which matches nothing when used as a token.
 */

export const hashSessionToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const isSession = (model: string) => model === 'session' || model === 'dashboardSessions';

type Row = Record<string, unknown>;

/** The where clause with token values hashed, and the clear tokens it names (by their hash). */
function hashedWhere(where: Where[]): { where: Where[]; clear: Map<string, string> };
function hashedWhere(where: Where[] | undefined): { where: Where[] | undefined; clear: Map<string, string> };
function hashedWhere(where: Where[] | undefined): { where: Where[] | undefined; clear: Map<string, string> } {
  const clear = new Map<string, string>();
  const hash = (v: unknown) => {
    if (typeof v !== 'string') return v;
    const h = hashSessionToken(v);
    clear.set(h, v);
    return h;
  };
  const mapped = where?.map((w) => {
    if (w.field !== 'token') return w;
    const op = w.operator ?? 'eq';
    // Only equality can be answered from a hash; refuse anything else rather than compare hashes to clear text.
    if (!['eq', 'ne', 'in', 'not_in'].includes(op)) throw new Error(`hashed session tokens cannot be compared with "${op}"`);
    return { ...w, value: (Array.isArray(w.value) ? w.value.map(hash) : hash(w.value)) as Where['value'] };
  });
  return { where: mapped, clear };
}

function hashedData<T extends Row>(data: T): T {
  return typeof data.token === 'string' ? { ...data, token: hashSessionToken(data.token) } : data;
}

function restore<T>(row: T, clear: Map<string, string>): T {
  if (!row || typeof row !== 'object') return row;
  const token = (row as Row).token;
  return typeof token === 'string' && clear.has(token) ? { ...row, token: clear.get(token) } : row;
}

function wrap<A extends DBTransactionAdapter>(inner: A): A {
  return {
    ...inner,
    async create(args) {
      if (!isSession(args.model) || typeof (args.data as Row).token !== 'string') return inner.create(args);
      const token = (args.data as Row).token as string;
      const row = await inner.create({ ...args, data: hashedData(args.data as Row) as typeof args.data });
      return restore(row, new Map([[hashSessionToken(token), token]]));
    },
    async findOne(args) {
      if (!isSession(args.model)) return inner.findOne(args);
      const { where, clear } = hashedWhere(args.where);
      return restore(await inner.findOne({ ...args, where: where }), clear);
    },
    async findMany(args) {
      if (!isSession(args.model)) return inner.findMany(args);
      const { where, clear } = hashedWhere(args.where);
      return (await inner.findMany({ ...args, where })).map((row) => restore(row, clear));
    },
    async count(args) {
      return isSession(args.model) ? inner.count({ ...args, where: hashedWhere(args.where).where }) : inner.count(args);
    },
    async update(args) {
      if (!isSession(args.model)) return inner.update(args);
      const { where, clear } = hashedWhere(args.where);
      return restore(await inner.update({ ...args, where: where, update: hashedData(args.update) }), clear);
    },
    async updateMany(args) {
      return isSession(args.model)
        ? inner.updateMany({ ...args, where: hashedWhere(args.where).where, update: hashedData(args.update) })
        : inner.updateMany(args);
    },
    async delete(args) {
      return isSession(args.model) ? inner.delete({ ...args, where: hashedWhere(args.where).where }) : inner.delete(args);
    },
    async deleteMany(args) {
      return isSession(args.model) ? inner.deleteMany({ ...args, where: hashedWhere(args.where).where }) : inner.deleteMany(args);
    },
    async consumeOne(args) {
      if (!isSession(args.model)) return inner.consumeOne(args);
      const { where, clear } = hashedWhere(args.where);
      return restore(await inner.consumeOne({ ...args, where: where }), clear);
    },
    async incrementOne(args) {
      if (!isSession(args.model)) return inner.incrementOne(args);
      const { where, clear } = hashedWhere(args.where);
      return restore(await inner.incrementOne({ ...args, where: where }), clear);
    },
  };
}

/** better-auth's adapter (here Drizzle's) with session tokens stored hashed, inside transactions too. */
export function withHashedSessionTokens(factory: DBAdapterInstance): DBAdapterInstance {
  return (options: BetterAuthOptions) => {
    const inner = factory(options) as DBAdapter;
    const outer: DBAdapter = { ...wrap(inner), transaction: (cb) => inner.transaction((trx) => cb(wrap(trx))) };
    return outer;
  };
}

import { startRunner } from '@/lib/jobs/runner';
import { randomBase62 } from '@/lib/util/ids';
import { signatureHeaders } from './sign';

/**
 * `npm run webhooks:listen`: Stripe CLI's `stripe listen --forward-to` for a
 * Caisse anywhere. A remote server cannot reach a developer's localhost, so
 * instead of registering an endpoint this polls GET /v1/events with the
 * secret key and forwards each new event to the local URL, signed as the
 * worker signs (lib/webhooks/sign.ts) with a secret made for this session.
 * Nothing here touches the database: the API is the only channel.
 *
 * Ordering caveat: events are listed by insertion order (seq), but two
 * transactions of one account can commit out of that order, so an event may
 * appear *below* one already seen. The cursor therefore trails the newest
 * event by SETTLE_SECONDS of `created`, every poll re-reads that window, and
 * ids already forwarded are skipped.
 */

export type ListenOptions = {
  apiBase: string;
  apiKey: string;
  forwardTo: string;
  // Exact types or `prefix.*`; absent forwards every event.
  events?: string[];
  pollMs?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  // Each forward's own deadline, so one hung receiver cannot stall the listener forever.
  forwardTimeoutMs?: number;
};

export type Forwarded = { eventId: string; type: string; status: number | null; error: string | null };

export type Listener = { secret: string; stop: () => Promise<void> };

type ApiEvent = { id: string; type: string; created: number };
type Page = { data: ApiEvent[]; has_more: boolean };

const SETTLE_SECONDS = 5;
const PAGE_LIMIT = 100;
export const LISTEN_USER_AGENT = 'Caisse/1.0 (+webhooks listen)';

export function matchesEvents(type: string, filters: string[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((f) => (f === '*' ? true : f.endsWith('*') ? type.startsWith(f.slice(0, -1)) : f === type));
}

/** Starts listening; resolves once the starting point is fixed and the secret printed, so nothing older is forwarded. */
export async function startListen(opts: ListenOptions): Promise<Listener> {
  const doFetch = opts.fetch ?? fetch;
  const log =
    opts.log ??
    ((line) => {
      console.log(line);
    });
  const pollMs = opts.pollMs ?? 1000;
  const base = opts.apiBase.replace(/\/+$/, '');
  const secret = `whsec_${randomBase62(32)}`;

  const get = async (query: string): Promise<Page> => {
    const res = await doFetch(`${base}/v1/events?${query}`, { headers: { authorization: `Bearer ${opts.apiKey}` } });
    const text = await res.text();
    if (!res.ok) {
      let message = text.slice(0, 300);
      try {
        const parsed = JSON.parse(text) as { error?: { message?: string } } | null;
        message = parsed?.error?.message ?? message;
      } catch {}
      throw new Error(`GET /v1/events answered ${res.status}: ${message}`);
    }
    return JSON.parse(text) as Page;
  };

  /** Every event above `cursor`, oldest first (all of the account's events when there is no cursor). */
  const listAbove = async (cursor: string | undefined): Promise<(ApiEvent & { raw: unknown })[]> => {
    const out: (ApiEvent & { raw: unknown })[] = [];
    if (cursor) {
      // ending_before pages forward in time; each page comes newest first.
      let before = cursor;
      for (;;) {
        const page = await get(`limit=${PAGE_LIMIT}&ending_before=${encodeURIComponent(before)}`);
        const asc = [...page.data].reverse();
        out.push(...asc.map((e) => ({ ...e, raw: e })));
        if (!page.has_more || asc.length === 0) return out;
        before = asc[asc.length - 1].id;
      }
    }
    let after: string | undefined;
    const desc: ApiEvent[] = [];
    for (;;) {
      const page = await get(`limit=${PAGE_LIMIT}${after ? `&starting_after=${encodeURIComponent(after)}` : ''}`);
      desc.push(...page.data);
      if (!page.has_more || page.data.length === 0) break;
      after = page.data[page.data.length - 1].id;
    }
    return desc.reverse().map((e) => ({ ...e, raw: e }));
  };

  // "Now" is the account's newest event: it and everything before it are history.
  const newest = (await get('limit=1')).data.at(0);
  let cursor: string | undefined = newest?.id;
  let forwarded = new Set<string>();

  log(`Ready! Your webhook signing secret is ${secret}`);
  log(`Forwarding ${opts.events?.length ? opts.events.join(', ') : 'all events'} from ${base} to ${opts.forwardTo} (Ctrl-C to stop)`);

  const forward = async (event: ApiEvent & { raw: unknown }): Promise<Forwarded> => {
    const body = JSON.stringify(event.raw);
    // Signature time is the moment of sending, as the worker does: receivers check it against their clock.
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': LISTEN_USER_AGENT,
      ...signatureHeaders({ eventId: event.id, body, secrets: [secret], timestamp }),
    };
    try {
      const res = await doFetch(opts.forwardTo, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(opts.forwardTimeoutMs ?? 10_000),
      });
      await res.body?.cancel();
      return { eventId: event.id, type: event.type, status: res.status, error: null };
    } catch (err) {
      const e = err as { cause?: { code?: string }; message?: string; name?: string } | null;
      const error = e?.name === 'TimeoutError' ? 'timed out' : (e?.cause?.code ?? e?.message ?? String(err));
      return { eventId: event.id, type: event.type, status: null, error };
    }
  };

  const poll = async (stopping: AbortSignal) => {
    const listed = await listAbove(cursor);
    for (const event of listed) {
      if (forwarded.has(event.id) || !matchesEvents(event.type, opts.events)) continue;
      const r = await forward(event);
      forwarded.add(event.id);
      const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
      log(`${stamp}  ${r.type} [${r.eventId}] --> ${r.status ?? `error: ${r.error}`} POST ${opts.forwardTo}`);
      if (stopping.aborted) return;
    }
    // Advance past what can no longer be joined by a late commit; keep the rest to re-read.
    const newestCreated = listed.length ? Math.max(...listed.map((e) => e.created)) : 0;
    let settled = -1;
    listed.forEach((e, i) => {
      if (e.created <= newestCreated - SETTLE_SECONDS) settled = i;
    });
    if (settled >= 0) {
      cursor = listed[settled].id;
      forwarded = new Set(
        listed
          .slice(settled + 1)
          .map((e) => e.id)
          .filter((id) => forwarded.has(id)),
      );
    }
  };

  // The jobs' loop (lib/jobs/runner.ts): a poll every pollMs; a restarting server or a dropped connection is
  // retried a little later (never fatal), and stop() lets the forward in flight finish.
  const runner = startRunner(
    [
      {
        name: 'listen',
        idleMs: pollMs,
        backoff: { firstMs: pollMs, maxMs: Math.max(pollMs, 10_000) },
        tick: async (ctx) => {
          try {
            await poll(ctx.stopping);
          } catch (err) {
            throw new Error(`polling failed: ${err instanceof Error ? err.message : String(err)}`);
          }
          return 'idle';
        },
      },
    ],
    { log },
  );

  return { secret, stop: () => runner.stop() };
}

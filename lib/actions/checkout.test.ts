import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { cartAction } from './checkout';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: () => Promise.resolve(new Headers({ 'x-caisse-client-address': '203.0.113.9' })) }));
vi.mock('@/db/client', () => ({ getDb: () => Promise.resolve({ db: true }) }));

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

beforeEach(() => vi.mocked(revalidatePath).mockReset());

describe('cartAction: a hosted page cart action bound to its session', () => {
  const schema = z.object({ line: z.string().catch(''), quantity: z.coerce.number().int().min(0) });

  it('parses the posted form, runs the change on the bound session, revalidates its page', async () => {
    const body = vi.fn(() => Promise.resolve({ ok: true as const }));
    const action = cartAction(schema, 'quantity_out_of_range', body);
    expect(await action('cs_1', { error: null }, form({ line: 'li_1', quantity: '3', $ACTION_ID_x: '' }))).toEqual({ error: null });
    expect(body).toHaveBeenCalledWith({ line: 'li_1', quantity: 3 }, expect.objectContaining({ db: { db: true }, sessionId: 'cs_1' }));
    expect(revalidatePath).toHaveBeenCalledWith('/c/cs_1');
  });

  it('a form its schema refuses → the given error; the cart is not touched nor the page revalidated', async () => {
    const body = vi.fn(() => Promise.resolve({ ok: true as const }));
    expect(
      await cartAction(schema, 'quantity_out_of_range', body)('cs_1', { error: null }, form({ line: 'li_1', quantity: '-1' })),
    ).toEqual({
      error: 'quantity_out_of_range',
    });
    expect(body).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('a refused change is the page’s error key (the page words it), and the page is revalidated', async () => {
    const action = cartAction(z.object({ code: z.string() }), 'code_unknown', async (_, { clientKey }) =>
      (await clientKey()) === '203.0.113.9' ? { ok: false, error: 'code_rate_limited' } : { ok: true },
    );
    expect(await action('cs_1', { error: null }, form({ code: 'SPRING' }))).toEqual({ error: 'code_rate_limited' });
    expect(revalidatePath).toHaveBeenCalledWith('/c/cs_1');
  });
});

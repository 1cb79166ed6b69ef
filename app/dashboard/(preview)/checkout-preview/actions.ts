'use server';

import type { CartActionState, PayState } from '@/lib/checkout/page-state';

// The preview's forms post here, never to the checkout's actions: nothing in a preview can be paid or changed.

// POST (server action) — the preview's pay form; always answers "closed"
// eslint-disable-next-line @typescript-eslint/require-await -- a 'use server' module may export only async functions
export async function previewPayAction(_state: PayState, _form: FormData): Promise<PayState> {
  return { result: { state: 'closed', status: 'not_found' }, values: {} };
}

// POST (server action) — the preview's cart controls; always answers "closed"
// eslint-disable-next-line @typescript-eslint/require-await -- a 'use server' module may export only async functions
export async function previewCartAction(_state: CartActionState, _form: FormData): Promise<CartActionState> {
  return { error: 'session_closed' };
}

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { dashboardMessages, type DashboardLocale } from '@/i18n/dashboard';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { requireMerchant, type MerchantContext } from '@/lib/dashboard/current-merchant';
import { EndpointLimitError } from '@/lib/events/webhook-endpoints';
import { merchantAction, merchantIdAction, publicAction } from './action';
import { ActionError } from './errors';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next-intl/server', () => ({ getTranslations: vi.fn() }));
vi.mock('@/lib/dashboard/current-merchant', () => ({ requireMerchant: vi.fn() }));

/** The dashboard's messages as next-intl serves them in that locale: the checkout's file plus the dashboard's areas. */
async function speak(locale: DashboardLocale) {
  const checkout = (await import(`../../messages/${locale}.json`)) as { default: Record<string, unknown> };
  const messages = { ...checkout.default, ...(await dashboardMessages(locale)) };
  // The real translator over the real messages.
  vi.mocked(getTranslations).mockResolvedValue(createTranslator({ locale, messages }));
}

const merchant = { accountId: 'acct_1', db: {} } as unknown as MerchantContext;
const productForm = z.object({
  name: z.string().trim().min(1, 'name_required'),
  price: z.object({ amount: z.string().min(1, 'amount_required') }),
});
const CATALOG = {
  messages: 'Dashboard.catalog.errors',
  revalidate: [{ path: '/dashboard/catalog', type: 'layout' }, '/dashboard'],
} as const;

beforeEach(async () => {
  vi.mocked(revalidatePath).mockReset();
  vi.mocked(requireMerchant).mockReset().mockResolvedValue(merchant);
  await speak('en');
});

describe('merchantAction', () => {
  it('parses the input with its schema, runs the body for the signed-in account and revalidates the given paths', async () => {
    const body = vi.fn((v: { name: string }, ctx: MerchantContext) => Promise.resolve({ id: `${ctx.accountId}:${v.name}` }));
    const action = merchantAction(productForm, body, CATALOG);
    expect(await action({ name: '  Mug ', price: { amount: '9' } })).toEqual({ ok: true, data: { id: 'acct_1:Mug' } });
    expect(body).toHaveBeenCalledWith({ name: 'Mug', price: { amount: '9' } }, merchant);
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([['/dashboard/catalog', 'layout'], ['/dashboard']]);
  });

  it('a zod failure → invalid_input with localized messages on each field (dotted path), the body never runs', async () => {
    const body = vi.fn(() => Promise.resolve());
    const action = merchantAction(productForm, body, CATALOG);
    expect(await action({ name: ' ', price: { amount: '' } })).toEqual({
      ok: false,
      error: 'invalid_input',
      message: 'Check the highlighted fields.',
      fieldErrors: { name: 'Enter a name.', 'price.amount': 'Enter an amount.' },
    });
    await speak('fr');
    expect(await action({ name: ' ', price: { amount: '9' } })).toEqual({
      ok: false,
      error: 'invalid_input',
      message: 'Vérifiez les champs signalés.',
      fieldErrors: { name: 'Saisissez un nom.' },
    });
    expect(body).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('a domain refusal (ActionError) → its code and the localized message, in en and fr; nothing revalidated', async () => {
    const action = merchantAction(z.object({}), () => Promise.reject(new ActionError('wrong_password')), {
      messages: 'Dashboard.auth.errors',
      revalidate: ['/x'],
    });
    expect(await action({})).toEqual({ ok: false, error: 'wrong_password', message: 'Your current password is wrong.' });
    await speak('fr');
    expect(await action({})).toEqual({ ok: false, error: 'wrong_password', message: 'Votre mot de passe actuel est incorrect.' });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('a Stripe-shaped API error → a localized message, on the field its param names; never the API’s English text', async () => {
    const tooLarge = invalidRequest(
      'This value must be less than or equal to 99999999.',
      'line_items[0][price_data][unit_amount]',
      'amount_too_large',
    );
    const action = merchantAction(z.object({}), () => Promise.reject(tooLarge), {
      ...CATALOG,
      apiFields: { line_items: 'items', unit_amount: 'amount' },
    });
    expect(await action({})).toEqual({
      ok: false,
      error: 'amount_too_large',
      message: 'This amount is too large.',
      fieldErrors: { items: 'This amount is too large.' },
    });
    await speak('fr');
    const fr = await action({});
    expect(fr).toEqual({
      ok: false,
      error: 'amount_too_large',
      message: 'Ce montant est trop élevé.',
      fieldErrors: { items: 'Ce montant est trop élevé.' },
    });
    expect(JSON.stringify(fr)).not.toContain('less than');
  });

  it('a missing object → not_found; the webhook endpoint cap (no Stripe code) → too_many_endpoints; an API error without code → the form’s `invalid`', async () => {
    const failing = (err: Error, messages: string) => merchantAction(z.undefined(), () => Promise.reject(err), { messages })();
    expect(await failing(noSuchObject('product', 'prod_x'), 'Dashboard.catalog.errors')).toEqual({
      ok: false,
      error: 'not_found',
      message: 'No such product: prod_x.',
    });
    // A form with its own words for a missing object says them.
    expect(await failing(noSuchObject('webhook endpoint', 'we_x'), 'Dashboard.developers.webhooks.errors')).toMatchObject({
      error: 'not_found',
      message: 'This endpoint no longer exists. Reload the page.',
    });
    expect(await failing(new EndpointLimitError(), 'Dashboard.developers.webhooks.errors')).toMatchObject({
      error: 'too_many_endpoints',
      message: 'You have reached the maximum number of webhook endpoints; delete one to add another.',
    });
    expect(await failing(invalidRequest('nope'), 'Dashboard.developers.deliveries.errors')).toMatchObject({
      error: 'invalid',
      message: 'The endpoint is disabled: enable it before resending.',
    });
    // A namespace without its own `invalid`: the shared one.
    await speak('fr');
    expect(await failing(noSuchObject('tax rate', 'txr_x'), 'Dashboard.catalog.errors')).toMatchObject({
      error: 'not_found',
      message: 'Aucun taux de taxe ne porte l’identifiant txr_x.',
    });
    expect(await failing(invalidRequest('nope'), 'Dashboard.catalog.errors')).toMatchObject({
      error: 'invalid',
      message: 'Cette modification n’a pas pu être faite. Vérifiez les valeurs et réessayez.',
    });
  });

  it('signed out → requireMerchant’s redirect to sign-in, before the input is read or the body runs', async () => {
    vi.mocked(requireMerchant).mockImplementation(() => redirect('/dashboard/sign-in'));
    const parse = vi.fn(() => true);
    const body = vi.fn(() => Promise.resolve());
    const action = merchantAction(z.unknown().refine(parse), body, CATALOG);
    await expect(action({})).rejects.toMatchObject({ digest: expect.stringContaining('/dashboard/sign-in') as unknown });
    expect(parse).not.toHaveBeenCalled();
    expect(body).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('a redirect from the body, or a bug, is thrown as it is', async () => {
    await expect(merchantAction(z.undefined(), () => redirect('/dashboard'))()).rejects.toMatchObject({
      digest: expect.stringContaining('/dashboard') as unknown,
    });
    const bug = new TypeError('boom');
    await expect(merchantAction(z.undefined(), () => Promise.reject(bug))()).rejects.toBe(bug);
  });

  it('reads a posted FormData as an object; `invalid: form` makes the first issue the form’s error', async () => {
    const schema = z.object({ file: z.instanceof(File, { error: 'empty' }) });
    const action = merchantAction(schema, (v) => Promise.resolve({ size: v.file.size }), {
      messages: 'Dashboard.branding.image_errors',
      invalid: 'form',
    });
    const form = new FormData();
    form.set('file', new File(['abc'], 'a.png'));
    expect(await action(form)).toEqual({ ok: true, data: { size: 3 } });
    expect(await action(new FormData())).toEqual({ ok: false, error: 'empty', message: 'Choose an image file.' });
  });
});

describe('merchantIdAction', () => {
  it('(id, input): the body gets the id; invalid input is told first, then a bad id is not_found', async () => {
    const body = vi.fn((_: { name: string }, ctx: MerchantContext & { id: string }) => Promise.resolve(ctx.id));
    const action = merchantIdAction(z.object({ name: z.string().min(1, 'name_required') }), body, CATALOG);
    expect(await action('prod_1', { name: 'Mug' })).toEqual({ ok: true, data: 'prod_1' });
    expect(await action('', { name: '' })).toMatchObject({ error: 'invalid_input', fieldErrors: { name: 'Enter a name.' } });
    expect(await action('', { name: 'Mug' })).toEqual({ ok: false, error: 'not_found', message: 'This item no longer exists.' });
    expect(body).toHaveBeenCalledTimes(1);
  });

  it('an input-less action can be bound to its id alone', async () => {
    const action = merchantIdAction(z.undefined(), (_, { id }) => Promise.resolve(id), CATALOG);
    expect(await action.bind(null, 'cpn_1')()).toEqual({ ok: true, data: 'cpn_1' });
  });
});

describe('publicAction', () => {
  it('resolves no one (sign-in works signed out); a fixed `invalid` code tells nothing about the input', async () => {
    const action = publicAction(z.object({ token: z.string().length(4) }), () => Promise.resolve(), {
      messages: 'Dashboard.auth.errors',
      invalid: { code: 'link_invalid' },
    });
    expect(await action({ token: 'abcd' })).toEqual({ ok: true, data: undefined });
    expect(await action({ token: 'x' })).toEqual({
      ok: false,
      error: 'link_invalid',
      message: 'This link has expired or was already used. Ask for a new one.',
    });
    expect(requireMerchant).not.toHaveBeenCalled();
  });
});

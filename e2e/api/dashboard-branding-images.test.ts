import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { solidPng } from '../support/png';
import { useOwnDatabase } from '../support/own-database';
import { defined } from '../support/defined';

// What the branding page's save action and the preview do with image URLs: an account shows only its own uploads.
vi.mock('server-only', () => ({}));

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_dashboard_branding');
});
afterAll(() => dropDatabase());

const VALUES = {
  displayName: 'Atelier',
  backgroundColor: '#FDF6E3',
  buttonColor: '#7c2d12',
  borderStyle: 'pill' as const,
  fontFamily: 'lora' as const,
  iconUrl: null,
};

async function twoAccountsAndALogo() {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { storeImage } = await import('@/lib/images/images');
  const db = await getDb();
  const owner = await createAccount(db, { name: 'Owner' });
  const other = await createAccount(db, { name: 'Other' });
  const stored = await storeImage(db, { accountId: owner.id, bytes: solidPng(64, 32) });
  if (!stored.ok) throw new Error(stored.problem);
  return { db, owner, other, url: stored.image.url };
}

describe('branding images', () => {
  it("saving another account's upload as a logo is refused; one's own is stored with the colours", async () => {
    const { saveBranding } = await import('@/lib/branding/account-branding');
    const { getAccount } = await import('@/db/queries/accounts');
    const { db, owner, other, url } = await twoAccountsAndALogo();

    expect(await saveBranding(db, { accountId: other.id, values: { ...VALUES, logoUrl: url } })).toEqual({
      ok: false,
      field: 'logoUrl',
      error: 'image_invalid',
    });
    expect(await saveBranding(db, { accountId: other.id, values: { ...VALUES, logoUrl: 'https://evil.example/x.png' } })).toMatchObject({
      ok: false,
      field: 'logoUrl',
    });
    expect(defined(await getAccount(db, other.id), 'getAccount(db, other.id)').branding).toEqual({});

    expect(await saveBranding(db, { accountId: owner.id, values: { ...VALUES, logoUrl: url } })).toEqual({ ok: true });
    const saved = defined(await getAccount(db, owner.id), 'getAccount(db, owner.id)');
    expect(saved.displayName).toBe('Atelier');
    expect(saved.branding).toEqual({
      background_color: '#fdf6e3',
      button_color: '#7c2d12',
      border_style: 'pill',
      font_family: 'lora',
      logo_url: url,
      icon_url: null,
    });
    // Saving again with the stored logo keeps it.
    expect(await saveBranding(db, { accountId: owner.id, values: { ...VALUES, logoUrl: url } })).toEqual({ ok: true });
  });

  it("the preview shows one's own unsaved upload, never another account's, and falls back field by field", async () => {
    const { previewBranding } = await import('@/lib/branding/account-branding');
    const { db, owner, other, url } = await twoAccountsAndALogo();

    expect(
      await previewBranding(db, {
        accountId: owner.id,
        params: { logo: url, name: 'Unsaved', bg: '#000000', button: 'red;}', border: 'blob' },
      }),
    ).toEqual({
      branding: { background_color: '#000000', button_color: null, border_style: null, font_family: null },
      name: 'Unsaved',
      logoUrl: url,
    });
    expect(await previewBranding(db, { accountId: other.id, params: { logo: url } })).toMatchObject({ logoUrl: null, name: 'Other' });
  });
});

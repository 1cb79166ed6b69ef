import { describe, expect, it, vi } from 'vitest';
import { accountSettingsSchema } from '@/lib/validation/account-settings';
import { defined } from '@/e2e/support/defined';

vi.mock('server-only', () => ({}));
const { businessDetailsFrom, localeChoices } = await import('./account-settings');

const blank = {
  receiptsEnabled: false,
  defaultLocale: '' as const,
  supportEmail: '',
  supportPhone: '',
  address: { line1: '', line2: '', city: '', state: '', postalCode: '', country: '' },
};

describe('account settings', () => {
  it('an all-empty form stores no business details at all', () => {
    expect(businessDetailsFrom(accountSettingsSchema.parse(blank))).toBeNull();
  });

  it('empty fields are stored as null and an address only when one of its lines is set', () => {
    expect(businessDetailsFrom(accountSettingsSchema.parse({ ...blank, supportEmail: ' Help@Shop.example ' }))).toEqual({
      support_email: 'Help@Shop.example',
      support_phone: null,
      address: null,
    });
    expect(
      businessDetailsFrom(accountSettingsSchema.parse({ ...blank, address: { ...blank.address, city: 'Lyon', country: 'fr' } })),
    ).toEqual({
      support_email: null,
      support_phone: null,
      address: { line1: null, line2: null, city: 'Lyon', state: null, postal_code: null, country: 'FR' },
    });
  });

  it('the schema refuses a malformed email, a phone with letters, an unknown country and an unshipped language', () => {
    const r = accountSettingsSchema.safeParse({
      ...blank,
      supportEmail: 'nope',
      supportPhone: 'call me',
      defaultLocale: 'sw',
      address: { ...blank.address, country: 'ZZ' },
    });
    expect(r.success).toBe(false);
    expect(
      defined(r.error, 'the parse error')
        .issues.map((i) => [i.path.join('.'), i.message])
        .sort(),
    ).toEqual([
      ['address.country', 'country_invalid'],
      ['defaultLocale', 'locale_invalid'],
      ['supportEmail', 'email_invalid'],
      ['supportPhone', 'phone_invalid'],
    ]);
  });

  it('offers every shipped checkout language, named in itself', () => {
    const choices = localeChoices();
    expect(choices.map((c) => c.code)).toContain('pt-BR');
    expect(choices.find((c) => c.code === 'de')?.name).toBe('Deutsch');
    expect(choices.find((c) => c.code === 'fr')?.name).toBe('Français');
  });
});

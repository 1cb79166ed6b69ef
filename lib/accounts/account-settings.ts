import 'server-only';
import type { Queryable } from '@/db/client';
import { accountProfile, updateAccountSettings, type AccountProfile } from '@/db/queries/account-settings';
import type { AccountBusinessDetails } from '@/db/schema';
import { MESSAGE_LOCALES, type MessageLocale } from '@/i18n/locales';
import type { AccountSettingsInput, AccountSettingsValues } from '@/lib/validation/account-settings';

/** Receipts, the fallback language and the business details printed on receipts. */

export async function loadSettingsForm(db: Queryable, p: { accountId: string }): Promise<AccountSettingsInput | null> {
  const profile = await accountProfile(db, p);
  return profile ? settingsFormValues(profile) : null;
}

export function settingsFormValues(profile: AccountProfile): AccountSettingsInput {
  const b = profile.businessDetails;
  const a = b?.address;
  return {
    receiptsEnabled: profile.receiptsEnabled,
    defaultLocale: (profile.defaultLocale ?? '') as AccountSettingsInput['defaultLocale'],
    supportEmail: b?.support_email ?? '',
    supportPhone: b?.support_phone ?? '',
    address: {
      line1: a?.line1 ?? '',
      line2: a?.line2 ?? '',
      city: a?.city ?? '',
      state: a?.state ?? '',
      postalCode: a?.postal_code ?? '',
      country: a?.country ?? '',
    },
  };
}

/** Form values → the stored shape: empty strings are "not set", an all-empty address is none. */
export function businessDetailsFrom(v: AccountSettingsValues): AccountBusinessDetails | null {
  const a = v.address;
  const address = {
    line1: a.line1 || null,
    line2: a.line2 || null,
    city: a.city || null,
    state: a.state || null,
    postal_code: a.postalCode || null,
    country: a.country || null,
  };
  const hasAddress = Object.values(address).some(Boolean);
  if (!v.supportEmail && !v.supportPhone && !hasAddress) return null;
  return { support_email: v.supportEmail || null, support_phone: v.supportPhone || null, address: hasAddress ? address : null };
}

export async function saveAccountSettings(db: Queryable, p: { accountId: string; values: AccountSettingsValues }): Promise<void> {
  await updateAccountSettings(db, {
    accountId: p.accountId,
    receiptsEnabled: p.values.receiptsEnabled,
    defaultLocale: p.values.defaultLocale || null,
    businessDetails: businessDetailsFrom(p.values),
  });
}

/** The shipped checkout languages, each named in its own language (how people look for theirs). */
export function localeChoices(): { code: MessageLocale; name: string }[] {
  return MESSAGE_LOCALES.map((code) => {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return { code, name: name.charAt(0).toLocaleUpperCase(code) + name.slice(1) };
  });
}

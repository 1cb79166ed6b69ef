import type { TaxRegistrationRow } from '@/db/queries/tax-registrations';
import { unix, unixOrNull } from '@/lib/util/time';

export type TaxRegistrationStatus = 'active' | 'expired' | 'scheduled';

/** A registration's status at `now`: not stored, it follows from its dates (db/queries/tax-registrations.ts has the SQL form). */
export function registrationStatus(row: Pick<TaxRegistrationRow, 'activeFrom' | 'expiresAt'>, now: Date): TaxRegistrationStatus {
  if (row.activeFrom > now) return 'scheduled';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

/** Stripe's `tax.registration`; `country_options` holds the registration's own country only, in lower case. */
export function serializeTaxRegistration(row: TaxRegistrationRow, now = new Date()) {
  return {
    id: row.id,
    object: 'tax.registration' as const,
    active_from: unix(row.activeFrom),
    country: row.country,
    country_options: { [row.country.toLowerCase()]: row.countryOptions },
    created: unix(row.createdAt),
    expires_at: unixOrNull(row.expiresAt),
    livemode: row.livemode,
    status: registrationStatus(row, now),
  };
}

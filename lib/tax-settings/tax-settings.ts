import type { Db, Queryable } from '@/db/client';
import { findTaxSettings, lockTaxSettings, updateTaxSettingsFields, type TaxSettingsFields } from '@/db/queries/tax-settings';
import type { AccountScope } from '@/db/scope';
import { serializeTaxSettings } from '@/lib/api/serialize/tax-settings';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { storedAddress } from '@/lib/validation/address';
import type { UpdateTaxSettingsParams } from '@/lib/validation/tax-settings';

/** GET /v1/tax/settings: the stored settings, or the defaults (nothing is written for a read). */
export async function retrieveTaxSettings(db: Queryable, scope: AccountScope) {
  return serializeTaxSettings(await findTaxSettings(db, scope));
}

/**
 * POST /v1/tax/settings: sets what is given (an address replaces the head office's whole address);
 * `tax.settings.updated` when anything changed.
 */
export async function updateTaxSettings(db: Db, scope: AccountScope, p: UpdateTaxSettingsParams) {
  const set: TaxSettingsFields = {
    ...(p.defaults?.tax_behavior !== undefined && { defaultTaxBehavior: p.defaults.tax_behavior }),
    ...(p.defaults?.tax_code !== undefined && { defaultTaxCode: p.defaults.tax_code }),
    ...(p.head_office !== undefined && { headOfficeAddress: storedAddress(p.head_office.address) }),
  };
  // Nothing to set (only `expand`): an answer, and no row written for it.
  if (Object.keys(set).length === 0) return retrieveTaxSettings(db, scope);
  return db.transaction(async (tx) => {
    const before = serializeTaxSettings(await lockTaxSettings(tx, scope));
    const object = serializeTaxSettings(await updateTaxSettingsFields(tx, { accountId: scope.accountId, set }));
    const changed = previousAttributes(before, object);
    if (Object.keys(changed).length > 0)
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'tax.settings.updated',
        object,
        previousAttributes: changed,
        request: scope.request,
      });
    return object;
  });
}

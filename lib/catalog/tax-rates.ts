import { eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { insertTaxRate, updateTaxRateFields } from '@/db/queries/tax-rates';
import { taxRates } from '@/db/schema';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeTaxRate } from '@/lib/api/serialize/tax-rate';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import type { CreateTaxRateParams, ListTaxRatesParams, UpdateTaxRateParams } from '@/lib/validation/tax-rates';
import { getTaxRateOrThrow } from '@/lib/api/get-or-throw';
import { invalidRequest } from '@/lib/api/errors';
import type { AccountScope } from '@/db/scope';

export async function createTaxRate(db: Db, scope: AccountScope, p: CreateTaxRateParams) {
  return db.transaction(async (tx) => {
    const row = await insertTaxRate(tx, {
      id: newId('txr'),
      accountId: scope.accountId,
      displayName: p.display_name,
      percentage: p.percentage,
      inclusive: p.inclusive,
      active: p.active ?? true,
      country: p.country ?? null,
      description: p.description ?? null,
      jurisdiction: p.jurisdiction ?? null,
      state: p.state ?? null,
      taxType: p.tax_type ?? null,
      metadata: initialMetadata(p.metadata),
    });
    const object = serializeTaxRate(row);
    await recordEvent(tx, { accountId: scope.accountId, type: 'tax_rate.created', object, request: scope.request });
    return object;
  });
}

export async function updateTaxRate(db: Db, scope: AccountScope & { id: string }, p: UpdateTaxRateParams) {
  return db.transaction(async (tx) => {
    const current = await getTaxRateOrThrow(tx, scope);
    if (current.automaticKey) throw invalidRequest(`The tax rate ${current.id} was made by automatic tax and cannot be updated.`, 'id');
    const row = await updateTaxRateFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.active !== undefined && { active: p.active }),
        ...(p.display_name !== undefined && { displayName: p.display_name }),
        ...(p.country !== undefined && { country: p.country }),
        ...(p.description !== undefined && { description: p.description }),
        ...(p.jurisdiction !== undefined && { jurisdiction: p.jurisdiction }),
        ...(p.state !== undefined && { state: p.state }),
        ...(p.tax_type !== undefined && { taxType: p.tax_type }),
        metadata: mergeMetadata(current.metadata, p.metadata),
      },
    });
    const before = serializeTaxRate(current);
    const object = serializeTaxRate(row);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'tax_rate.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}

export async function retrieveTaxRate(db: Db, scope: AccountScope & { id: string }) {
  return serializeTaxRate(await getTaxRateOrThrow(db, scope));
}

export async function listTaxRates(db: Db, scope: AccountScope, p: ListTaxRatesParams) {
  return listPage(db, taxRates, {
    accountId: scope.accountId,
    kind: 'tax rate',
    params: p,
    filters: [
      // Automatic tax's rates are Caisse's, made as sessions need them: they are shown on sessions, not listed.
      isNull(taxRates.automaticKey),
      p.active === undefined ? undefined : eq(taxRates.active, p.active),
      p.inclusive === undefined ? undefined : eq(taxRates.inclusive, p.inclusive),
      ...createdFilter(taxRates.createdAt, p.created),
    ],
  });
}

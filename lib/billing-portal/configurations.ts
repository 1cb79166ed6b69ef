import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import {
  insertPortalConfiguration,
  updatePortalConfigurationFields,
  type PortalConfigurationRow,
} from '@/db/queries/billing-portal-configurations';
import { findPrice } from '@/db/queries/prices';
import { findProduct } from '@/db/queries/products';
import { billingPortalConfigurations, type PortalBusinessProfile, type PortalFeatures } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { getPortalConfigurationOrThrow } from '@/lib/api/get-or-throw';
import { listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializePortalConfiguration } from '@/lib/api/serialize/portal-configuration';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import type {
  CreatePortalConfigurationParams,
  ListPortalConfigurationsParams,
  UpdatePortalConfigurationParams,
} from '@/lib/validation/billing-portal-configurations';
import { checkFeatures, defaultFeatures, mergeFeatures } from './portal-features';

type BusinessProfileParams = CreatePortalConfigurationParams['business_profile'];

function mergeBusinessProfile(current: PortalBusinessProfile, p: BusinessProfileParams): PortalBusinessProfile {
  return {
    headline: p?.headline === undefined ? current.headline : p.headline,
    privacy_policy_url: p?.privacy_policy_url === undefined ? current.privacy_policy_url : p.privacy_policy_url,
    terms_of_service_url: p?.terms_of_service_url === undefined ? current.terms_of_service_url : p.terms_of_service_url,
  };
}

/** Caisse has no hosted login page to share: asking for one is refused rather than answered with a dead URL. */
function checkLoginPage(p: { login_page?: { enabled: boolean } }) {
  if (p.login_page?.enabled)
    throw invalidRequest('Caisse has no hosted portal login page: login_page[enabled] can only be false.', 'login_page[enabled]');
}

/** Every portal product must be one of the account's, and its prices recurring prices of that product, as Stripe checks. */
async function checkProducts(db: Queryable, accountId: string, f: PortalFeatures) {
  for (const [i, p] of f.subscription_update.products.entries()) {
    const param = `features[subscription_update][products][${i}]`;
    const product = await findProduct(db, { accountId, id: p.product });
    if (!product) throw noSuchObject('product', p.product, `${param}[product]`, 400);
    for (const [j, priceId] of p.prices.entries()) {
      const price = await findPrice(db, { accountId, id: priceId });
      if (!price) throw noSuchObject('price', priceId, `${param}[prices][${j}]`, 400);
      if (price.productId !== p.product)
        throw invalidRequest(`The price ${priceId} does not belong to the product ${p.product}.`, `${param}[prices][${j}]`);
      if (price.type !== 'recurring')
        throw invalidRequest(
          `The price ${priceId} is not a recurring price: only recurring prices can be offered in the portal.`,
          `${param}[prices][${j}]`,
        );
    }
  }
}

export async function createPortalConfiguration(db: Db, scope: AccountScope, p: CreatePortalConfigurationParams) {
  checkLoginPage(p);
  const features = mergeFeatures(defaultFeatures(), p.features);
  checkFeatures(features);
  return db.transaction(async (tx) => {
    await checkProducts(tx, scope.accountId, features);
    const row = await insertPortalConfiguration(tx, {
      id: newId('bpc'),
      accountId: scope.accountId,
      active: true,
      name: p.name ?? null,
      defaultReturnUrl: p.default_return_url ?? null,
      businessProfile: mergeBusinessProfile({ headline: null, privacy_policy_url: null, terms_of_service_url: null }, p.business_profile),
      features,
      metadata: initialMetadata(p.metadata),
    });
    const object = serializePortalConfiguration(row);
    await recordEvent(tx, { accountId: scope.accountId, type: 'billing_portal.configuration.created', object, request: scope.request });
    return object;
  });
}

export async function updatePortalConfiguration(db: Db, scope: AccountScope & { id: string }, p: UpdatePortalConfigurationParams) {
  checkLoginPage(p);
  return db.transaction(async (tx) => {
    const current: PortalConfigurationRow = await getPortalConfigurationOrThrow(tx, scope);
    if (p.active === false && current.isDefault) throw invalidRequest('The default configuration cannot be deactivated.', 'active');
    const features = p.features ? mergeFeatures(current.features, p.features) : current.features;
    if (p.features) {
      checkFeatures(features);
      await checkProducts(tx, scope.accountId, features);
    }
    const row = await updatePortalConfigurationFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.active !== undefined && { active: p.active }),
        ...(p.name !== undefined && { name: p.name }),
        ...(p.default_return_url !== undefined && { defaultReturnUrl: p.default_return_url }),
        ...(p.business_profile && { businessProfile: mergeBusinessProfile(current.businessProfile, p.business_profile) }),
        features,
        metadata: mergeMetadata(current.metadata, p.metadata),
        updatedAt: new Date(),
      },
    });
    const before = serializePortalConfiguration(current);
    const object = serializePortalConfiguration(row);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'billing_portal.configuration.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}

export async function retrievePortalConfiguration(db: Db, scope: AccountScope & { id: string }) {
  return serializePortalConfiguration(await getPortalConfigurationOrThrow(db, scope));
}

export async function listPortalConfigurations(db: Db, scope: AccountScope, p: ListPortalConfigurationsParams) {
  const t = billingPortalConfigurations;
  return listPage(db, t, {
    accountId: scope.accountId,
    kind: 'configuration',
    params: p,
    filters: [
      p.active === undefined ? undefined : eq(t.active, p.active),
      p.is_default === undefined ? undefined : eq(t.isDefault, p.is_default),
    ],
  });
}

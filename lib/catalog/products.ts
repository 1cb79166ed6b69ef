import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { priceBelongsToProduct, productHasUserPrices } from '@/db/queries/prices';
import { deleteProduct as deleteProductRow, insertProduct, updateProductFields } from '@/db/queries/products';
import { products } from '@/db/schema';
import { ApiError, invalidRequest } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeProduct } from '@/lib/api/serialize/product';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import { nestedParam } from './amounts';
import { insertPrice } from './prices';
import type { CreateProductParams, ListProductsParams, UpdateProductParams } from '@/lib/validation/products';
import { getProductOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

export async function createProduct(db: Db, scope: AccountScope, p: CreateProductParams) {
  const id = p.id ?? newId('prod');
  // The product names its default price, so the price's id is chosen first; both commit together.
  const defaultPriceId = p.default_price_data ? newId('price') : null;
  try {
    return await db.transaction(async (tx) => {
      const row = await insertProduct(tx, {
        id,
        accountId: scope.accountId,
        name: p.name,
        active: p.active ?? true,
        description: p.description ?? null,
        images: p.images ?? [],
        marketingFeatures: p.marketing_features ?? [],
        metadata: initialMetadata(p.metadata),
        packageDimensions: p.package_dimensions ?? null,
        shippable: p.shippable ?? null,
        statementDescriptor: p.statement_descriptor ?? null,
        taxCode: p.tax_code ?? null,
        unitLabel: p.unit_label ?? null,
        url: p.url ?? null,
        defaultPriceId,
      });
      const object = serializeProduct(row);
      await recordEvent(tx, { accountId: scope.accountId, type: 'product.created', object, request: scope.request });
      if (p.default_price_data && defaultPriceId)
        await insertPrice(tx, scope, { ...p.default_price_data, id: defaultPriceId, productId: id }, nestedParam('default_price_data'));
      return object;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidRequest(`Product already exists: '${id}'`, 'id', 'resource_already_exists');
    throw err;
  }
}

export async function updateProduct(db: Db, scope: AccountScope & { id: string }, p: UpdateProductParams) {
  return db.transaction(async (tx) => {
    const current = await getProductOrThrow(tx, scope);
    if (p.default_price) {
      if (!(await priceBelongsToProduct(tx, { accountId: scope.accountId, id: p.default_price, productId: scope.id })))
        throw invalidRequest(`No such price: '${p.default_price}' for this product`, 'default_price', 'resource_missing');
    }
    const has = (k: keyof UpdateProductParams) => p[k] !== undefined;
    const row = await updateProductFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.name !== undefined && { name: p.name }),
        ...(p.active !== undefined && { active: p.active }),
        ...(has('description') && { description: p.description }),
        ...(has('images') && { images: p.images ?? [] }),
        ...(has('marketing_features') && { marketingFeatures: p.marketing_features ?? [] }),
        ...(has('package_dimensions') && { packageDimensions: p.package_dimensions }),
        ...(has('shippable') && { shippable: p.shippable }),
        ...(has('statement_descriptor') && { statementDescriptor: p.statement_descriptor }),
        ...(has('tax_code') && { taxCode: p.tax_code }),
        ...(has('unit_label') && { unitLabel: p.unit_label }),
        ...(has('url') && { url: p.url }),
        ...(has('default_price') && { defaultPriceId: p.default_price }),
        metadata: mergeMetadata(current.metadata, p.metadata),
        updatedAt: new Date(),
      },
    });
    const before = serializeProduct(current);
    const object = serializeProduct(row);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'product.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}

export async function deleteProduct(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    const current = await getProductOrThrow(tx, scope);
    if (await productHasUserPrices(tx, { accountId: scope.accountId, productId: scope.id }))
      throw new ApiError({
        status: 400,
        type: 'invalid_request_error',
        message: 'This product cannot be deleted because it has one or more user-created prices.',
      });
    await deleteProductRow(tx, { accountId: scope.accountId, id: scope.id });
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'product.deleted',
      object: serializeProduct(current),
      request: scope.request,
    });
    return { id: scope.id, object: 'product' as const, deleted: true as const };
  });
}

export async function retrieveProduct(db: Db, scope: AccountScope & { id: string }) {
  return serializeProduct(await getProductOrThrow(db, scope));
}

export async function listProducts(db: Db, scope: AccountScope, p: ListProductsParams) {
  return listPage(db, products, {
    accountId: scope.accountId,
    kind: 'product',
    params: p,
    filters: [
      p.active === undefined ? undefined : eq(products.active, p.active),
      p.shippable === undefined ? undefined : eq(products.shippable, p.shippable),
      p.url === undefined ? undefined : eq(products.url, p.url),
      p.ids?.length ? inArray(products.id, p.ids) : undefined,
      ...createdFilter(products.createdAt, p.created),
    ],
  });
}

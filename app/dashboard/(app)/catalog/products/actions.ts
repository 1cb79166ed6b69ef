'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice, updatePrice } from '@/lib/catalog/prices';
import { createProduct, updateProduct } from '@/lib/catalog/products';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiFailure } from '@/lib/dashboard/catalog/api-failure';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { storeImage } from '@/lib/images/images';
import { IMAGE_MAX_BYTES } from '@/lib/images/check-image';
import { createPriceSchema, updatePriceSchema } from '@/lib/validation/prices';
import { createProductSchema, updateProductSchema } from '@/lib/validation/products';
import {
  createPriceParams,
  createProductParams,
  priceFormSchema,
  productFormSchema,
  updateProductParams,
  type PriceFormInput,
  type ProductFormInput,
} from '@/lib/validation/dashboard-products';

const id = z.string().min(1).max(255);
const PRODUCT_FIELDS = { name: 'name', description: 'description', images: 'images' };
const PRICE_FIELDS = { currency: 'currency', unit_amount: 'amount', recurring: 'intervalCount', nickname: 'nickname' };

const refresh = () => revalidatePath('/dashboard/catalog', 'layout');

// POST (server action) — create a product from the dashboard form (lib/catalog createProduct)
export async function createProductAction(input: ProductFormInput): Promise<ActionResult<{ id: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(productFormSchema, input);
  if (!parsed.ok) return parsed.result;
  try {
    const product = await createProduct(db, { accountId }, parseParams(createProductSchema, createProductParams(parsed.data)));
    refresh();
    return ok({ id: product.id });
  } catch (err) {
    return apiFailure(err, PRODUCT_FIELDS);
  }
}

// POST (server action) — edit a product's name, description and images; productId of the signed-in account only
export async function updateProductAction(productId: string, input: ProductFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(productFormSchema, input);
  if (!parsed.ok || !id.safeParse(productId).success) return parsed.ok ? fail('not_found') : parsed.result;
  try {
    await updateProduct(db, { accountId, id: productId }, parseParams(updateProductSchema, updateProductParams(parsed.data)));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err, PRODUCT_FIELDS);
  }
}

// POST (server action) — archive (active=false) or restore a product
export async function setProductActiveAction(productId: string, active: boolean): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(productId).success) return fail('not_found');
  try {
    await updateProduct(db, { accountId, id: productId }, parseParams(updateProductSchema, { active: active === true }));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}

// POST (server action) — store an uploaded product image (checked by content) and answer its served URL
export async function uploadProductImageAction(form: FormData): Promise<ActionResult<{ url: string }>> {
  const { db, accountId } = await requireMerchant();
  const file = form.get('image');
  if (!(file instanceof File) || file.size === 0) return fail('image_empty');
  // Refused before reading it all into memory; storeImage checks the bytes again.
  if (file.size > IMAGE_MAX_BYTES) return fail('image_too_large');
  const stored = await storeImage(db, { accountId, bytes: new Uint8Array(await file.arrayBuffer()) });
  return stored.ok ? ok({ url: stored.image.url }) : fail(`image_${stored.problem}`);
}

// POST (server action) — add a one-time or recurring price to a product (lib/catalog createPrice)
export async function createPriceAction(productId: string, input: PriceFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(priceFormSchema, input);
  if (!parsed.ok || !id.safeParse(productId).success) return parsed.ok ? fail('not_found') : parsed.result;
  try {
    await createPrice(db, { accountId }, parseParams(createPriceSchema, createPriceParams(productId, parsed.data)));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err, PRICE_FIELDS);
  }
}

// POST (server action) — archive (active=false) or restore a price; prices are otherwise immutable
export async function setPriceActiveAction(priceId: string, active: boolean): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(priceId).success) return fail('not_found');
  try {
    await updatePrice(db, { accountId, id: priceId }, parseParams(updatePriceSchema, { active: active === true }));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}

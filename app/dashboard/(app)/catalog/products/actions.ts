'use server';

import { merchantAction, merchantIdAction } from '@/lib/actions/action';
import { activeFlag, catalogOptions } from '@/lib/actions/catalog';
import { storeUploadedImage, uploadedImageSchema } from '@/lib/actions/image-upload';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice, updatePrice } from '@/lib/catalog/prices';
import { createProduct, updateProduct } from '@/lib/catalog/products';
import { createPriceSchema, updatePriceSchema } from '@/lib/validation/prices';
import { createProductSchema, updateProductSchema } from '@/lib/validation/products';
import {
  createPriceParams,
  createProductParams,
  priceFormSchema,
  productFormSchema,
  updateProductParams,
} from '@/lib/validation/dashboard-products';

// Each form's values become the REST API's parameters, checked again by the API's own schema (parseParams) before lib/catalog.
const CATALOG = catalogOptions();
const PRODUCT = catalogOptions({ name: 'name', description: 'description', images: 'images' });
const PRICE = catalogOptions({ currency: 'currency', unit_amount: 'amount', recurring: 'intervalCount', nickname: 'nickname' });

// POST (server action) — create a product from the dashboard form (lib/catalog createProduct)
export const createProductAction = merchantAction(
  productFormSchema,
  async (v, { db, accountId }) => ({
    id: (await createProduct(db, { accountId }, parseParams(createProductSchema, createProductParams(v)))).id,
  }),
  PRODUCT,
);

// POST (server action) — edit a product's name, description and images; productId of the signed-in account only
export const updateProductAction = merchantIdAction(
  productFormSchema,
  async (v, { db, accountId, id }) => {
    await updateProduct(db, { accountId, id }, parseParams(updateProductSchema, updateProductParams(v)));
  },
  PRODUCT,
);

// POST (server action) — archive (active=false) or restore a product
export const setProductActiveAction = merchantIdAction(
  activeFlag,
  async (isActive, { db, accountId, id }) => {
    await updateProduct(db, { accountId, id }, parseParams(updateProductSchema, { active: isActive }));
  },
  CATALOG,
);

// POST (server action) — store an uploaded product image (FormData field `image`, checked by content) and answer its served URL
export const uploadProductImageAction = merchantAction(
  uploadedImageSchema('image', 'image_'),
  (f, { db, accountId }) => storeUploadedImage(db, accountId, f.image, 'image_'),
  { messages: CATALOG.messages, invalid: 'form' },
);

// POST (server action) — add a one-time or recurring price to a product (lib/catalog createPrice)
export const createPriceAction = merchantIdAction(
  priceFormSchema,
  async (v, { db, accountId, id }) => {
    await createPrice(db, { accountId }, parseParams(createPriceSchema, createPriceParams(id, v)));
  },
  PRICE,
);

// POST (server action) — archive (active=false) or restore a price; prices are otherwise immutable
export const setPriceActiveAction = merchantIdAction(
  activeFlag,
  async (isActive, { db, accountId, id }) => {
    await updatePrice(db, { accountId, id }, parseParams(updatePriceSchema, { active: isActive }));
  },
  CATALOG,
);

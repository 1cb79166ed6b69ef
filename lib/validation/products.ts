import { z } from 'zod';
import { bool, expand, listParams, metadata, nonEmptyStr, rangeQuery, str, unsettable, url } from '@/lib/api/params';
import { priceDataSchema } from './prices';

const packageDimensions = z.strictObject({
  height: z.coerce.number().positive(),
  length: z.coerce.number().positive(),
  weight: z.coerce.number().positive(),
  width: z.coerce.number().positive(),
});

const editable = {
  active: bool().optional(),
  description: unsettable(str(40000)).optional(),
  images: unsettable(z.array(url()).max(8)).optional(),
  marketing_features: unsettable(z.array(z.strictObject({ name: nonEmptyStr(80) })).max(15)).optional(),
  metadata: metadata().optional(),
  package_dimensions: unsettable(packageDimensions).optional(),
  shippable: bool().optional(),
  statement_descriptor: unsettable(str(22)).optional(),
  tax_code: unsettable(str(100)).optional(),
  unit_label: unsettable(str(12)).optional(),
  url: unsettable(url()).optional(),
  expand: expand(),
};

export const createProductSchema = z.strictObject({
  ...editable,
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'Invalid id: use letters, digits, "_" and "-"')
    .optional(),
  name: nonEmptyStr(250),
  default_price_data: priceDataSchema.optional(),
});

export const updateProductSchema = z.strictObject({
  ...editable,
  name: nonEmptyStr(250).optional(),
  default_price: unsettable(str(255)).optional(),
});

export const listProductsSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  created: rangeQuery().optional(),
  ids: z.array(str(255)).max(100).optional(),
  shippable: bool().optional(),
  url: str(5000).optional(),
});

export type CreateProductParams = z.infer<typeof createProductSchema>;
export type UpdateProductParams = z.infer<typeof updateProductSchema>;
export type ListProductsParams = z.infer<typeof listProductsSchema>;

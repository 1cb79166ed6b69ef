import { z } from 'zod';
import type { ActionOptions } from './action';

/**
 * What every catalog action (products, prices, coupons, tax and shipping rates) shares: its
 * messages, the catalog's pages refreshed after a change, and where the REST API's refusals
 * (lib/catalog checks each form again as API parameters) land: API parameter → form field.
 */
export const catalogOptions = (apiFields?: Record<string, string>) =>
  ({
    messages: 'Dashboard.catalog.errors',
    revalidate: [{ path: '/dashboard/catalog', type: 'layout' }],
    ...(apiFields ? { apiFields } : {}),
  }) satisfies ActionOptions;

/** An archive/restore button's argument: anything but `true` archives. */
export const activeFlag = z.unknown().transform((v) => v === true);

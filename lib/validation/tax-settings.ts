import { z } from 'zod';
import { expand, oneOf, str } from '@/lib/api/params';
import { countryCode } from './countries';

export const TAX_SETTINGS_BEHAVIORS = ['exclusive', 'inclusive', 'inferred_by_currency'] as const;

/** A Stripe product tax code id: `txcd_` and eight digits. */
export const taxCodeId = () => str(5000).regex(/^txcd_\d{8}$/, 'Invalid tax code: expected an id such as txcd_10000000');

// Nothing here can be unset ("All parameters are editable but none can be removed once set"):
// `key=` is refused with parameter_invalid_empty by parseParams.
export const updateTaxSettingsSchema = z.strictObject({
  defaults: z
    .strictObject({
      tax_behavior: oneOf(TAX_SETTINGS_BEHAVIORS).optional(),
      tax_code: taxCodeId().optional(),
    })
    .optional(),
  head_office: z
    .strictObject({
      address: z.strictObject({
        city: str(5000).optional(),
        country: countryCode().optional(),
        line1: str(5000).optional(),
        line2: str(5000).optional(),
        postal_code: str(5000).optional(),
        state: str(5000).optional(),
      }),
    })
    .optional(),
  expand: expand(),
});

export type UpdateTaxSettingsParams = z.infer<typeof updateTaxSettingsSchema>;

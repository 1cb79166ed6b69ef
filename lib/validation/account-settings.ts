import { z } from 'zod';
import { MESSAGE_LOCALES } from '@/i18n/locales';
import { COUNTRY_CODES } from './countries';

/** The dashboard's settings form. Messages are keys of Dashboard.settings.errors. Empty strings mean "not set". */

const optionalText = (max: number) => z.string().trim().max(max, 'too_long');

export const accountSettingsSchema = z.object({
  receiptsEnabled: z.boolean(),
  defaultLocale: z.union([z.literal(''), z.enum(MESSAGE_LOCALES)], 'locale_invalid'),
  supportEmail: z.union([z.literal(''), z.string().trim().max(254, 'email_invalid').pipe(z.email('email_invalid'))]),
  supportPhone: optionalText(40).regex(/^[0-9+()./\s-]*$/, 'phone_invalid'),
  address: z.object({
    line1: optionalText(200),
    line2: optionalText(200),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => c === '' || COUNTRY_CODES.has(c), 'country_invalid'),
  }),
});
export type AccountSettingsInput = z.input<typeof accountSettingsSchema>;
export type AccountSettingsValues = z.output<typeof accountSettingsSchema>;

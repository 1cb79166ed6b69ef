import type { PageView } from '@/lib/checkout/page-view';
import { plainConfirmConfig, plainPageLine, plainPageView } from '@/lib/checkout/plain-page-view';
import type { ConfirmConfig } from '@/lib/validation/checkout-page';

/**
 * A sample cart for the branding preview, in the exact shape the checkout page renders,
 * so the preview goes through the same components with nothing read from real sessions.
 */
export function previewPageView(p: { name: string; logoUrl: string | null; items: [string, string]; currency: string }): PageView {
  return plainPageView({
    id: 'cs_test_preview',
    currency: p.currency,
    merchant: { name: p.name, logoUrl: p.logoUrl },
    lines: [plainPageLine('li_preview_1', p.items[0], 2500, 2), plainPageLine('li_preview_2', p.items[1], 1200, 1)],
  });
}

/** The pay form of a plain card payment, as confirmConfigFor builds it for such a session. */
export const PREVIEW_CONFIRM_CONFIG: ConfirmConfig = plainConfirmConfig();

/**
 * Stripe's `branding_settings.font_family` ids → CSS font-family stacks.
 *
 * Caisse is self-hosted and ships no font files yet, and the checkout page must
 * not call out to a font CDN (privacy, CSP, and it must work offline on an
 * intranet). So each stack names the merchant's font first — used when the
 * customer's device has it installed — and then falls back to system fonts of
 * the same kind (sans / serif / mono / CJK). When we do bundle font files,
 * only the @font-face rules change; these ids and stacks stay.
 *
 * Every stack is a constant from this file: the page never inlines a font name
 * a merchant typed.
 */

// The one list: the API's schema (lib/validation/checkout-session-parts.ts) and the dashboard's
// form take it from here, so this file stays free of zod and can run in the browser bundle.
export const FONT_IDS = [
  'be_vietnam_pro',
  'bitter',
  'chakra_petch',
  'default',
  'hahmlet',
  'inconsolata',
  'inter',
  'lato',
  'lora',
  'm_plus_1_code',
  'montserrat',
  'noto_sans',
  'noto_sans_jp',
  'noto_serif',
  'nunito',
  'open_sans',
  'pridi',
  'pt_sans',
  'pt_serif',
  'raleway',
  'roboto',
  'roboto_slab',
  'source_sans_pro',
  'titillium_web',
  'ubuntu_mono',
  'zen_maru_gothic',
] as const;

export type FontId = (typeof FONT_IDS)[number];

export const DEFAULT_FONT_ID: FontId = 'default';

// What each platform already has: macOS/iOS, Windows, Android/ChromeOS, Linux.
const SYSTEM_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';
const SYSTEM_SERIF = 'ui-serif, Georgia, Cambria, "Noto Serif", "Liberation Serif", "Times New Roman", Times, serif';
const SYSTEM_MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';
// CJK faces before the generic family, or browsers pick a Chinese face for Japanese text.
const JAPANESE_SANS = '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP"';
const KOREAN_SERIF = '"AppleMyungjo", "Nanum Myeongjo", "Noto Serif KR", Batang';

const sans = (...names: string[]): string => [...names.map(quote), SYSTEM_SANS].join(', ');
const serif = (...names: string[]): string => [...names.map(quote), SYSTEM_SERIF].join(', ');
const mono = (...names: string[]): string => [...names.map(quote), SYSTEM_MONO].join(', ');
// Names are literals from this file; quoting keeps multi-word families valid CSS.
function quote(name: string): string {
  return `"${name}"`;
}

const STACKS: Readonly<Record<FontId, string>> = {
  default: SYSTEM_SANS,
  be_vietnam_pro: sans('Be Vietnam Pro'),
  bitter: serif('Bitter'),
  chakra_petch: sans('Chakra Petch'),
  hahmlet: `${quote('Hahmlet')}, ${KOREAN_SERIF}, ${SYSTEM_SERIF}`,
  inconsolata: mono('Inconsolata'),
  inter: sans('Inter', 'Inter Variable'),
  lato: sans('Lato'),
  lora: serif('Lora'),
  m_plus_1_code: `${quote('M PLUS 1 Code')}, ${SYSTEM_MONO.replace(/, monospace$/, '')}, ${JAPANESE_SANS}, monospace`,
  montserrat: sans('Montserrat'),
  noto_sans: sans('Noto Sans'),
  noto_sans_jp: `${quote('Noto Sans JP')}, ${JAPANESE_SANS}, ${SYSTEM_SANS}`,
  noto_serif: serif('Noto Serif'),
  nunito: sans('Nunito'),
  open_sans: sans('Open Sans'),
  pridi: `${quote('Pridi')}, "Noto Serif Thai", Tahoma, ${SYSTEM_SERIF}`,
  pt_sans: sans('PT Sans'),
  pt_serif: serif('PT Serif'),
  raleway: sans('Raleway'),
  roboto: sans('Roboto'),
  roboto_slab: serif('Roboto Slab', 'Rockwell'),
  source_sans_pro: sans('Source Sans Pro', 'Source Sans 3'),
  titillium_web: sans('Titillium Web'),
  ubuntu_mono: mono('Ubuntu Mono'),
  zen_maru_gothic: `${quote('Zen Maru Gothic')}, "Hiragino Maru Gothic ProN", ${JAPANESE_SANS}, ${SYSTEM_SANS}`,
};

const KNOWN_STACKS: ReadonlySet<string> = new Set(Object.values(STACKS));

export function isFontId(value: unknown): value is FontId {
  return typeof value === 'string' && Object.hasOwn(STACKS, value);
}

export function fontStack(id: FontId): string {
  return STACKS[id];
}

/** True only for stacks defined here — how css-vars proves a font value is not merchant text. */
export function isKnownFontStack(value: unknown): value is string {
  return typeof value === 'string' && KNOWN_STACKS.has(value);
}

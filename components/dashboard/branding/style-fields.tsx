'use client';

import type { SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import { FONT_IDS, type FontId } from '@/lib/branding/fonts';
import { BORDER_STYLES } from '@/lib/validation/branding';

// Family names are proper nouns: shown as they are in every language ('default' is translated).
const FONT_NAMES: Record<Exclude<FontId, 'default'>, string> = {
  be_vietnam_pro: 'Be Vietnam Pro',
  bitter: 'Bitter',
  chakra_petch: 'Chakra Petch',
  hahmlet: 'Hahmlet',
  inconsolata: 'Inconsolata',
  inter: 'Inter',
  lato: 'Lato',
  lora: 'Lora',
  m_plus_1_code: 'M PLUS 1 Code',
  montserrat: 'Montserrat',
  noto_sans: 'Noto Sans',
  noto_sans_jp: 'Noto Sans JP',
  noto_serif: 'Noto Serif',
  nunito: 'Nunito',
  open_sans: 'Open Sans',
  pridi: 'Pridi',
  pt_sans: 'PT Sans',
  pt_serif: 'PT Serif',
  raleway: 'Raleway',
  roboto: 'Roboto',
  roboto_slab: 'Roboto Slab',
  source_sans_pro: 'Source Sans Pro',
  titillium_web: 'Titillium Web',
  ubuntu_mono: 'Ubuntu Mono',
  zen_maru_gothic: 'Zen Maru Gothic',
};

/** The checkout's font, one of the stacks lib/branding/fonts ships. */
export function FontField({ error, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { error?: string | null }) {
  const t = useTranslations('Dashboard.branding');
  return (
    <div>
      <label htmlFor="fontFamily" className="mb-1 block text-sm font-medium">
        {t('font')}
      </label>
      <select
        id="fontFamily"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'fontFamily-error' : 'fontFamily-hint'}
        className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)]"
        {...select}
      >
        {FONT_IDS.map((id) => (
          <option key={id} value={id}>
            {id === 'default' ? t('font_default') : FONT_NAMES[id]}
          </option>
        ))}
      </select>
      <p id="fontFamily-hint" className="mt-1 text-sm text-[var(--ck-muted)]">
        {t('font_hint')}
      </p>
      <FieldError id="fontFamily-error" message={error} />
    </div>
  );
}

/** Corners of buttons and fields: pill, rounded or square. */
export function BorderStyleField({ error, register }: { error?: string | null; register: UseFormRegisterReturn<'borderStyle'> }) {
  const t = useTranslations('Dashboard.branding');
  return (
    <fieldset aria-describedby={error ? 'borderStyle-error' : undefined}>
      <legend className="mb-1 block text-sm font-medium">{t('border_style')}</legend>
      <div className="flex flex-wrap gap-4">
        {BORDER_STYLES.map((style) => (
          <label key={style} className="flex items-center gap-2 text-sm">
            <input type="radio" value={style} className="h-4 w-4 accent-[var(--ck-button)]" {...register} />
            {t(`border_${style}`)}
          </label>
        ))}
      </div>
      <FieldError id="borderStyle-error" message={error} />
    </fieldset>
  );
}

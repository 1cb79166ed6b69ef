import { getTranslations } from 'next-intl/server';

/** Merchant name (or logo), a back link to cancel_url, and the test-mode badge. */
export async function MerchantHeader({
  name,
  logoUrl,
  cancelUrl,
  livemode,
}: {
  name: string;
  logoUrl: string | null;
  cancelUrl: string | null;
  livemode: boolean;
}) {
  const t = await getTranslations('Checkout');
  return (
    <header className="flex items-center gap-3">
      {cancelUrl ? (
        <a
          href={cancelUrl}
          className="rounded-[var(--ck-radius-control)] px-1 text-sm text-[var(--ck-muted)] underline-offset-2 hover:underline"
          aria-label={t('backTo', { merchant: name })}
        >
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{' '}
          {t('back')}
        </a>
      ) : null}
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- the account's own upload, served by Caisse with long cache headers; next/image would add nothing
        <img src={logoUrl} alt={name} className="h-8 max-w-40 object-contain" />
      ) : (
        <span className="font-semibold">{name}</span>
      )}
      {!livemode ? (
        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
          {t('testMode')}
        </span>
      ) : null}
    </header>
  );
}

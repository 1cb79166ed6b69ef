// GET /p/:sessionId/:token — the customer portal (a billing_portal.session's url): works without JavaScript
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { cancelAtPeriodEndAction, removeCardAction, setDefaultCardAction } from './actions';
import { loadPortal } from './load';

type Props = { params: Promise<{ sessionId: string; token: string }>; searchParams: Promise<{ result?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId, token } = await params;
  const { page, locale } = await loadPortal(sessionId, token);
  const t = await getTranslations({ locale, namespace: 'Portal' });
  return { title: page ? t('title', { merchant: page.merchantName }) : t('expiredTitle') };
}

const LINK = 'font-medium text-[var(--ck-link)] underline underline-offset-2';
const BUTTON = 'rounded-md border border-gray-300 bg-white px-3 py-1 text-sm font-medium text-gray-900 hover:bg-gray-50';
const SECTION = 'mt-8 rounded-lg border border-gray-200 bg-white p-5';
const NOTICES = ['done', 'refused', 'expired'] as const;

export default async function PortalPage({ params, searchParams }: Props) {
  const { sessionId, token } = await params;
  const { page, locale } = await loadPortal(sessionId, token);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the session and Accept-Language
  setRequestLocale(locale);
  if (!page) notFound();
  const t = await getTranslations('Portal');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const result = (await searchParams).result;
  const notice = NOTICES.find((n) => n === result);
  const bind = <A,>(action: (sessionId: string, token: string, form: FormData) => Promise<A>) => action.bind(null, sessionId, token);
  return (
    <div
      style={themeToCssVars(page.theme) as React.CSSProperties}
      className="min-h-screen bg-[var(--ck-bg)] font-[family-name:var(--ck-font)] text-[var(--ck-text)]"
    >
      <main className="mx-auto max-w-2xl px-4 py-10" data-testid="portal">
        <header>
          {page.returnUrl ? (
            <a href={page.returnUrl} className={LINK} data-testid="portal-return">
              {t('back', { merchant: page.merchantName })}
            </a>
          ) : null}
          <h1 className="mt-4 text-2xl font-semibold">{t('title', { merchant: page.merchantName })}</h1>
          {page.livemode ? null : <p className="mt-1 text-sm font-medium text-amber-700">{t('testMode')}</p>}
        </header>
        {notice ? (
          <p role="status" className="mt-6 rounded-md bg-gray-100 p-3 text-sm" data-testid="portal-notice">
            {t(`notice.${notice}`)}
          </p>
        ) : null}

        <section aria-labelledby="portal-contact" className={SECTION} data-testid="portal-contact">
          <h2 id="portal-contact" className="text-base font-semibold">
            {t('contactTitle')}
          </h2>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
            <dt className="text-gray-600">{t('name')}</dt>
            <dd>{page.customer.name ?? '—'}</dd>
            <dt className="text-gray-600">{t('email')}</dt>
            <dd>{page.customer.email ?? '—'}</dd>
          </dl>
        </section>

        {page.cards ? (
          <section aria-labelledby="portal-cards" className={SECTION} data-testid="portal-cards">
            <h2 id="portal-cards" className="text-base font-semibold">
              {t('cardsTitle')}
            </h2>
            {page.cards.length === 0 ? <p className="mt-3 text-sm text-gray-600">{t('noCards')}</p> : null}
            <ul className="mt-3 divide-y divide-gray-200">
              {page.cards.map((card) => {
                const label = t('cardLabel', { brand: card.brand, last4: card.last4 });
                return (
                  <li key={card.id} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid={`portal-card-${card.id}`}>
                    <span className="font-medium">{label}</span>
                    <span className="text-gray-600">
                      {t('expires', { month: String(card.expMonth).padStart(2, '0'), year: String(card.expYear) })}
                    </span>
                    {card.isDefault ? (
                      <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium" data-testid="portal-card-default">
                        {t('default')}
                      </span>
                    ) : null}
                    <span className="ml-auto flex gap-2">
                      {card.isDefault ? null : (
                        <form action={bind(setDefaultCardAction)}>
                          <input type="hidden" name="payment_method" value={card.id} />
                          <button
                            type="submit"
                            className={BUTTON}
                            aria-label={t('makeDefaultLabel', { card: label })}
                            data-testid="portal-make-default"
                          >
                            {t('makeDefault')}
                          </button>
                        </form>
                      )}
                      <form action={bind(removeCardAction)}>
                        <input type="hidden" name="payment_method" value={card.id} />
                        <button
                          type="submit"
                          className={BUTTON}
                          aria-label={t('removeLabel', { card: label })}
                          data-testid="portal-remove-card"
                        >
                          {t('remove')}
                        </button>
                      </form>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="portal-subscriptions" className={SECTION} data-testid="portal-subscriptions">
          <h2 id="portal-subscriptions" className="text-base font-semibold">
            {t('subscriptionsTitle')}
          </h2>
          {page.subscriptions.length === 0 ? <p className="mt-3 text-sm text-gray-600">{t('noSubscriptions')}</p> : null}
          <ul className="mt-3 divide-y divide-gray-200">
            {page.subscriptions.map((sub) => (
              <li key={sub.id} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid={`portal-subscription-${sub.id}`}>
                <span className="font-medium">
                  {sub.amount && sub.interval
                    ? sub.intervalCount === 1
                      ? t('price', { amount: sub.amount, interval: sub.interval })
                      : t('priceEvery', { amount: sub.amount, count: sub.intervalCount, interval: sub.interval })
                    : null}
                </span>
                <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium">{t('status', { status: sub.status })}</span>
                <span className="text-gray-600" data-testid="portal-subscription-renewal">
                  {sub.cancelAtPeriodEnd
                    ? t('endsOn', { date: date(sub.currentPeriodEnd) })
                    : t('renewsOn', { date: date(sub.currentPeriodEnd) })}
                </span>
                {page.canCancel ? (
                  <form action={bind(cancelAtPeriodEndAction)} className="ml-auto">
                    <input type="hidden" name="subscription" value={sub.id} />
                    <input type="hidden" name="cancel" value={sub.cancelAtPeriodEnd ? 'false' : 'true'} />
                    <button type="submit" className={BUTTON} data-testid={sub.cancelAtPeriodEnd ? 'portal-keep' : 'portal-cancel'}>
                      {sub.cancelAtPeriodEnd ? t('keep') : t('cancel')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        {page.invoices ? (
          <section aria-labelledby="portal-invoices" className={SECTION} data-testid="portal-invoices">
            <h2 id="portal-invoices" className="text-base font-semibold">
              {t('invoicesTitle')}
            </h2>
            {page.invoices.length === 0 ? (
              <p className="mt-3 text-sm text-gray-600">{t('noInvoices')}</p>
            ) : (
              <table className="mt-3 w-full text-left text-sm">
                <thead className="text-gray-600">
                  <tr>
                    <th className="py-1 font-medium">{t('invoiceNumber')}</th>
                    <th className="py-1 font-medium">{t('invoiceDate')}</th>
                    <th className="py-1 font-medium">{t('invoiceAmount')}</th>
                    <th className="py-1 font-medium">{t('invoiceStatus')}</th>
                    <th className="py-1 font-medium">
                      <span className="sr-only">{t('invoiceLinks')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.invoices.map((inv) => (
                    <tr key={inv.id} className="border-t border-gray-200" data-testid={`portal-invoice-${inv.id}`}>
                      <td className="py-2">{inv.number ?? '—'}</td>
                      <td className="py-2">{date(inv.created)}</td>
                      <td className="py-2">{inv.amount}</td>
                      <td className="py-2">{t('invoiceState', { status: inv.status })}</td>
                      <td className="py-2 text-right">
                        <a href={inv.hostedUrl} className={LINK}>
                          {t('viewInvoice', { number: inv.number ?? '' })}
                        </a>{' '}
                        <a href={inv.pdfUrl} className={LINK}>
                          {t('downloadPdf', { number: inv.number ?? '' })}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ) : null}
      </main>
    </div>
  );
}

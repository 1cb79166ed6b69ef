// GET /p/:sessionId/:token — the customer portal (a billing_portal.session's url): works without JavaScript.
// ?switch=<subscription>&price=<price> and ?cancel=<subscription> are the confirmation steps of a plan switch and of canceling now.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { PortalCancelConfirm } from '@/components/portal/portal-cancel-confirm';
import { PortalCards } from '@/components/portal/portal-cards';
import { PortalContact } from '@/components/portal/portal-contact';
import { PortalInvoices } from '@/components/portal/portal-invoices';
import { PortalSubscriptions } from '@/components/portal/portal-subscriptions';
import { PortalSwitchConfirm } from '@/components/portal/portal-switch-confirm';
import { LINK } from '@/components/portal/styles';
import type { PortalPageView } from '@/lib/billing-portal/portal-page-view';
import { themeToCssVars } from '@/lib/branding/css-vars';
import {
  addCardAction,
  cancelAtPeriodEndAction,
  cancelNowAction,
  removeCardAction,
  setDefaultCardAction,
  switchPlanAction,
  updateContactAction,
} from './actions';
import { FlowConfirmation, FlowScreen, Unavailable, type Bind } from './flow-screen';
import { loadPortal, loadSwitchPreview } from './load';

type Search = {
  result?: string | string[];
  switch?: string | string[];
  price?: string | string[];
  cancel?: string | string[];
  flow?: string | string[];
};
type Props = { params: Promise<{ sessionId: string; token: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId, token } = await params;
  const { page, locale } = await loadPortal(sessionId, token);
  const t = await getTranslations({ locale, namespace: 'Portal' });
  return { title: page ? t('title', { merchant: page.merchantName }) : t('expiredTitle') };
}

const NOTICES = ['done', 'card_added', 'refused', 'expired'] as const;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The confirmation step asked for in the query, if any: the switch's preview, canceling now, or "not available". */
async function confirmation(p: { page: PortalPageView; sessionId: string; token: string; search: Search; bind: Bind; home: string }) {
  const unavailable = <Unavailable home={p.home} />;
  const subscriptionId = one(p.search.switch);
  if (subscriptionId) {
    const preview = await loadSwitchPreview({ ...p, subscriptionId, priceId: one(p.search.price), locale: p.page.locale });
    return preview ? <PortalSwitchConfirm preview={preview} confirm={p.bind(switchPlanAction)} backHref={p.home} /> : unavailable;
  }
  const canceled = one(p.search.cancel);
  if (canceled) {
    const sub = p.page.subscriptions.find((s) => s.id === canceled && !s.cancelAtPeriodEnd);
    const { canCancel, cancelNow, cancelReasons } = p.page;
    return canCancel && sub && (cancelNow || cancelReasons) ? (
      <PortalCancelConfirm
        subscriptionId={sub.id}
        reasons={cancelReasons}
        confirm={p.bind(cancelNow ? cancelNowAction : cancelAtPeriodEndAction)}
        backHref={p.home}
        periodEnd={cancelNow ? undefined : sub.currentPeriodEnd}
      />
    ) : (
      unavailable
    );
  }
  return null;
}

export default async function PortalPage({ params, searchParams }: Props) {
  const { sessionId, token } = await params;
  const { page, locale } = await loadPortal(sessionId, token);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the session and Accept-Language
  setRequestLocale(locale);
  if (!page) notFound();
  const t = await getTranslations('Portal');
  const search = await searchParams;
  const notice = NOTICES.find((n) => n === search.result);
  const bind: Bind = (action) => action.bind(null, sessionId, token);
  const home = `/p/${encodeURIComponent(sessionId)}/${encodeURIComponent(token)}`;
  const step: ReactNode = await confirmation({ page, sessionId, token, search, bind, home });
  // A flow_data session opens on its flow's screen until its change is made; then after_completion decides.
  // (?flow=complete: the actions' mark for the flow's own change; a card added ends a payment_method_update flow.)
  const flowDone = one(search.flow) === 'complete' || (notice === 'card_added' && page.flow?.type === 'payment_method_update');
  const confirmed = page.flow && flowDone && page.flow.after_completion.type === 'hosted_confirmation';
  const flowBody: ReactNode =
    step || !page.flow ? null : confirmed ? (
      <FlowConfirmation flow={page.flow} />
    ) : flowDone ? null : (
      <FlowScreen page={page} flow={page.flow} sessionId={sessionId} token={token} bind={bind} home={home} />
    );
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
        {notice && !confirmed ? (
          <p role="status" className="mt-6 rounded-md bg-gray-100 p-3 text-sm" data-testid="portal-notice">
            {t(`notice.${notice}`)}
          </p>
        ) : null}
        {step ?? flowBody ?? (
          <>
            <PortalContact page={page} save={bind(updateContactAction)} />
            {page.cards ? (
              <PortalCards
                cards={page.cards}
                add={bind(addCardAction)}
                setDefault={bind(setDefaultCardAction)}
                remove={bind(removeCardAction)}
              />
            ) : null}
            <PortalSubscriptions
              subscriptions={page.subscriptions}
              canCancel={page.canCancel}
              cancelNow={page.cancelNow}
              askReason={page.cancelReasons !== null}
              cancelAtPeriodEnd={bind(cancelAtPeriodEndAction)}
            />
            {page.invoices ? <PortalInvoices invoices={page.invoices} /> : null}
          </>
        )}
      </main>
    </div>
  );
}

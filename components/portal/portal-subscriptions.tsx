import { getFormatter, getTranslations } from 'next-intl/server';
import type { PortalSubscriptionView } from '@/lib/billing-portal/portal-page-view';
import { planPrice } from './plan-price';
import { BUTTON, LINK, SECTION, type PortalFormAction } from './styles';

type Props = {
  subscriptions: PortalSubscriptionView[];
  canCancel: boolean;
  /** Cancel now (a confirmation step at ?cancel=) rather than at period end. */
  cancelNow: boolean;
  /** cancellation_reason is enabled: canceling at period end is a confirmation step at ?cancel= too, asking why. */
  askReason?: boolean;
  cancelAtPeriodEnd: PortalFormAction;
};

const query = (p: Record<string, string>) => `?${new URLSearchParams(p).toString()}`;

/** The customer's live subscriptions: what each bills, and the changes the configuration allows. */
export async function PortalSubscriptions({ subscriptions, canCancel, cancelNow, askReason = false, cancelAtPeriodEnd }: Props) {
  const [t, format] = await Promise.all([getTranslations('Portal'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  // Canceling now, or at period end with a reason to pick, is a confirmation step (?cancel=); "Keep" never is.
  const confirmFirst = (sub: PortalSubscriptionView) => !sub.cancelAtPeriodEnd && (cancelNow || askReason);
  return (
    <section aria-labelledby="portal-subscriptions" className={SECTION} data-testid="portal-subscriptions">
      <h2 id="portal-subscriptions" className="text-base font-semibold">
        {t('subscriptionsTitle')}
      </h2>
      {subscriptions.length === 0 ? <p className="mt-3 text-sm text-gray-600">{t('noSubscriptions')}</p> : null}
      <ul className="mt-3 divide-y divide-gray-200">
        {subscriptions.map((sub) => (
          <li key={sub.id} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid={`portal-subscription-${sub.id}`}>
            <span className="font-medium" data-testid="portal-subscription-price">
              {sub.amount && sub.interval
                ? planPrice(t, { amount: sub.amount, interval: sub.interval, intervalCount: sub.intervalCount })
                : null}
            </span>
            <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium">{t('status', { status: sub.status })}</span>
            <span className="text-gray-600" data-testid="portal-subscription-renewal">
              {sub.cancelAtPeriodEnd
                ? t('endsOn', { date: date(sub.currentPeriodEnd) })
                : t('renewsOn', { date: date(sub.currentPeriodEnd) })}
            </span>
            {canCancel && confirmFirst(sub) ? (
              <a
                href={query({ cancel: sub.id })}
                className={`ml-auto ${BUTTON}`}
                data-testid={cancelNow ? 'portal-cancel-now' : 'portal-cancel'}
              >
                {cancelNow ? t('cancelNow') : t('cancel')}
              </a>
            ) : null}
            {canCancel && !confirmFirst(sub) ? (
              <form action={cancelAtPeriodEnd} className="ml-auto">
                <input type="hidden" name="subscription" value={sub.id} />
                <input type="hidden" name="cancel" value={sub.cancelAtPeriodEnd ? 'false' : 'true'} />
                <button type="submit" className={BUTTON} data-testid={sub.cancelAtPeriodEnd ? 'portal-keep' : 'portal-cancel'}>
                  {sub.cancelAtPeriodEnd ? t('keep') : t('cancel')}
                </button>
              </form>
            ) : null}
            {sub.switchTo.length ? (
              <div className="w-full">
                <h3 className="text-sm text-gray-600">{t('switchTitle')}</h3>
                <ul className="mt-1 flex flex-col gap-1" data-testid="portal-switch-options">
                  {sub.switchTo.map((o) => (
                    <li key={o.priceId}>
                      <a href={query({ switch: sub.id, price: o.priceId })} className={LINK}>
                        {t('switchTo', { product: o.product, price: planPrice(t, o) })}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

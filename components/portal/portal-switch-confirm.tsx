import { getFormatter, getTranslations } from 'next-intl/server';
import type { PortalSwitchPreview } from '@/lib/billing-portal/portal-plan-switch';
import { planPrice } from './plan-price';
import { LINK, PRIMARY, SECTION, type PortalFormAction } from './styles';

/** The confirmation of a plan switch: the new plan, what it costs (the invoice preview's amount due), and "Confirm". */
export async function PortalSwitchConfirm({
  preview,
  confirm,
  backHref,
}: {
  preview: PortalSwitchPreview;
  confirm: PortalFormAction;
  backHref: string;
}) {
  const [t, format] = await Promise.all([getTranslations('Portal'), getFormatter()]);
  return (
    <section aria-labelledby="portal-switch" className={SECTION} data-testid="portal-switch-confirm">
      <h2 id="portal-switch" className="text-base font-semibold">
        {t('switchConfirmTitle')}
      </h2>
      <dl className="mt-3 grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
        <dt className="text-gray-600">{t('newPlan')}</dt>
        <dd data-testid="portal-switch-plan">{t('planLine', { product: preview.option.product, price: planPrice(t, preview.option) })}</dd>
        <dt className="text-gray-600">
          {preview.dueNow
            ? t('dueToday')
            : t('nextInvoice', { date: format.dateTime(preview.invoiceDate, { dateStyle: 'long', timeZone: 'UTC' }) })}
        </dt>
        <dd className="font-semibold" data-testid="portal-switch-amount" data-amount={preview.amountDue}>
          {preview.amount}
        </dd>
      </dl>
      <form action={confirm} className="mt-5 flex items-center gap-4">
        <input type="hidden" name="subscription" value={preview.subscriptionId} />
        <input type="hidden" name="price" value={preview.option.priceId} />
        <input type="hidden" name="proration_date" value={preview.prorationDate === null ? '' : String(preview.prorationDate)} />
        <button type="submit" className={PRIMARY} data-testid="portal-switch-submit">
          {t('confirmSwitch')}
        </button>
        <a href={backHref} className={LINK}>
          {t('goBack')}
        </a>
      </form>
    </section>
  );
}

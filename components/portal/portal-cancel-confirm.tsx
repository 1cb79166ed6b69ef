import { getFormatter, getTranslations } from 'next-intl/server';
import { LINK, PRIMARY, SECTION, type PortalFormAction } from './styles';

/**
 * The confirmation of canceling: a warning, the configured reasons (one to pick), and "Cancel now" — or, with
 * `periodEnd` (mode=at_period_end), when it ends and "Cancel at period end".
 */
export async function PortalCancelConfirm({
  subscriptionId,
  reasons,
  confirm,
  backHref,
  periodEnd,
}: {
  subscriptionId: string;
  reasons: string[] | null;
  confirm: PortalFormAction;
  backHref: string;
  periodEnd?: Date;
}) {
  const [t, format] = await Promise.all([getTranslations('Portal'), getFormatter()]);
  return (
    <section aria-labelledby="portal-cancel" className={SECTION} data-testid="portal-cancel-confirm">
      <h2 id="portal-cancel" className="text-base font-semibold">
        {t('cancelConfirmTitle')}
      </h2>
      <p className="mt-2 text-sm">
        {periodEnd
          ? t('cancelAtPeriodEndWarning', { date: format.dateTime(periodEnd, { dateStyle: 'long', timeZone: 'UTC' }) })
          : t('cancelNowWarning')}
      </p>
      <form action={confirm} className="mt-4">
        <input type="hidden" name="subscription" value={subscriptionId} />
        {periodEnd ? <input type="hidden" name="cancel" value="true" /> : null}
        {reasons?.length ? (
          <fieldset className="text-sm">
            <legend className="font-medium">{t('reasonLegend')}</legend>
            {reasons.map((r) => (
              <label key={r} className="mt-2 flex items-center gap-2">
                <input type="radio" name="reason" value={r} required />
                {t('reason', { reason: r })}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="mt-5 flex items-center gap-4">
          <button type="submit" className={PRIMARY} data-testid="portal-cancel-submit">
            {periodEnd ? t('cancel') : t('confirmCancel')}
          </button>
          <a href={backHref} className={LINK}>
            {t('goBack')}
          </a>
        </div>
      </form>
    </section>
  );
}

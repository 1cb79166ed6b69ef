'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import type { CancelAtPeriodEndInput } from '@/lib/validation/dashboard-billing';
import { ConfirmedActionForm, type ConfirmedAction } from '../confirmed-action-form';

export type CancelAtPeriodEndAction = (input: CancelAtPeriodEndInput) => Promise<ActionResult<unknown>>;

/**
 * What the merchant may do to a live subscription, each after a confirmation: cancel it at the end of the
 * period (or, once that is set, take it back), or cancel it now. `periodEnd` is the period's end as shown.
 */
export function SubscriptionCancelForms({
  periodEnd,
  cancelAtPeriodEnd,
  setCancelAtPeriodEnd,
  cancelNow,
}: {
  periodEnd: string;
  cancelAtPeriodEnd: boolean;
  setCancelAtPeriodEnd: CancelAtPeriodEndAction;
  cancelNow: ConfirmedAction;
}) {
  const t = useTranslations('Dashboard.subscriptions.cancel');
  return (
    <div className="space-y-6">
      {cancelAtPeriodEnd ? (
        <ConfirmedActionForm
          testId="undo-cancel-form"
          intro={<span data-testid="cancel-scheduled">{t('scheduled', { date: periodEnd })}</span>}
          review={t('undo_review')}
          question={t('undo_question', { date: periodEnd })}
          confirm={t('undo_confirm')}
          back={t('back')}
          variant="primary"
          action={() => setCancelAtPeriodEnd({ cancelAtPeriodEnd: false })}
        />
      ) : (
        <ConfirmedActionForm
          testId="cancel-at-period-end-form"
          intro={t('at_period_end_intro', { date: periodEnd })}
          review={t('at_period_end_review')}
          question={t('at_period_end_question', { date: periodEnd })}
          confirm={t('at_period_end_confirm')}
          back={t('back')}
          action={() => setCancelAtPeriodEnd({ cancelAtPeriodEnd: true })}
        />
      )}
      <ConfirmedActionForm
        testId="cancel-now-form"
        intro={t('now_intro')}
        review={t('now_review')}
        question={t('now_question')}
        confirm={t('now_confirm')}
        back={t('back')}
        action={cancelNow}
      />
    </div>
  );
}

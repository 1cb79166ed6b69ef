import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { SessionDetail } from '@/lib/dashboard/session-detail';
import { DetailList } from './detail-list';
import { brandName } from '@/lib/payments/card-brands';

const THREE_DS = ['authenticated', 'failed', 'not_required', 'attempt_acknowledged'];

/** The payment intent: its status, and the card (brand, last4, 3-D Secure outcome) or SEPA account it used. */
export async function PaymentCard({ detail }: { detail: SessionDetail }) {
  const t = await getTranslations('Dashboard.sessions.detail');
  const p = detail.payment;
  return (
    <Card title={t('payment')}>
      {p ? (
        <DetailList
          testId="payment-details"
          items={[
            [
              t('payment_intent'),
              <code key="id" className="break-all">
                {p.intentId}
              </code>,
            ],
            [t('payment_intent_status'), <code key="st">{p.status}</code>],
            [
              t('method'),
              p.card
                ? t('card', { brand: brandName(p.card.brand), last4: p.card.last4 })
                : p.sepaDebit
                  ? t('sepa', { last4: p.sepaDebit.last4, country: p.sepaDebit.country })
                  : null,
            ],
            [
              t('three_d_secure'),
              p.card
                ? t(`three_d_secure_value.${p.card.threeDSecure && THREE_DS.includes(p.card.threeDSecure) ? p.card.threeDSecure : 'none'}`)
                : null,
            ],
          ]}
        />
      ) : (
        <p className="text-sm text-[var(--ck-muted)]">{t('no_payment')}</p>
      )}
    </Card>
  );
}

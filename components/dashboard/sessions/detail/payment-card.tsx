import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PaymentBadge } from '@/components/dashboard/payments/payment-badge';
import { Card } from '@/components/ui/card';
import type { SessionDetail } from '@/lib/dashboard/session-detail';
import { formatAmount } from '@/lib/money/format';
import { DetailList } from './detail-list';
import { brandName } from '@/lib/payments/card-brands';

const THREE_DS = ['authenticated', 'failed', 'not_required', 'attempt_acknowledged'];

/**
 * The payment intent: its status, and the card (brand, last4, 3-D Secure outcome) or SEPA account it used;
 * then the charge it left (its status, refunds and dispute), whose own page has the rest and the actions.
 */
export async function PaymentCard({ detail }: { detail: SessionDetail }) {
  const [t, tp, locale] = await Promise.all([
    getTranslations('Dashboard.sessions.detail'),
    getTranslations('Dashboard.payments'),
    getLocale(),
  ]);
  const p = detail.payment;
  const charge = p?.charge ?? null;
  const money = (minor: number, currency: string) => formatAmount(minor, currency, locale);
  return (
    <Card
      title={t('payment')}
      actions={
        charge ? (
          <Link href={`/dashboard/payments/${charge.id}`} className="text-sm text-[var(--ck-link)] underline" data-testid="view-payment">
            {tp('detail.session_payment')}
          </Link>
        ) : null
      }
    >
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
            [tp('detail.status'), charge ? <PaymentBadge key="label" label={charge.label} /> : null],
            [
              tp('refunds.title'),
              charge && charge.refunds.length > 0 ? (
                <ul key="refunds" data-testid="session-refunds">
                  {charge.refunds.map((r) => (
                    <li key={r.id}>
                      {money(r.amount, r.currency)} · {tp(`refunds.statuses.${r.status}`)}
                    </li>
                  ))}
                </ul>
              ) : null,
            ],
            [
              tp('dispute.title'),
              charge?.dispute ? (
                <span key="dispute" data-testid="session-dispute">
                  {tp(`dispute.statuses.${charge.dispute.status}`)} · {money(charge.dispute.amount, charge.dispute.currency)}
                </span>
              ) : null,
            ],
          ]}
        />
      ) : (
        <p className="text-sm text-[var(--ck-muted)]">{t('no_payment')}</p>
      )}
    </Card>
  );
}

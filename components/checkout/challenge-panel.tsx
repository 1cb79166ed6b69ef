import { getTranslations } from 'next-intl/server';
import { brandName } from '@/lib/payments/card-brands';
import { formatAmount } from '@/lib/money/format';
import { StatePage } from './state-page';

/**
 * The test processor's 3-D Secure challenge, for a checkout's payment or an invoice's: what is being paid
 * with which card, and one form whose pressed button posts its own `result` (complete or fail).
 */
export async function ChallengePanel(p: {
  amount: number;
  currency: string;
  card: { brand: string; last4: string } | null;
  locale: string;
  action: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations('Authenticate');
  return (
    <StatePage title={t('title')} testId="authenticate">
      <p>{t('body')}</p>
      <p className="mt-2">{t('amount', { amount: formatAmount(p.amount, p.currency, p.locale) })}</p>
      {p.card ? <p>{t('card', { brand: brandName(p.card.brand), last4: p.card.last4 })}</p> : null}
      <form action={p.action} className="mt-6 flex justify-center gap-3">
        <button type="submit" name="result" value="complete" className="rounded bg-green-700 px-4 py-2 font-semibold text-white">
          {t('complete')}
        </button>
        <button type="submit" name="result" value="fail" className="rounded bg-red-700 px-4 py-2 font-semibold text-white">
          {t('fail')}
        </button>
      </form>
    </StatePage>
  );
}

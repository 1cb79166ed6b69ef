// GET /c/:sessionId/authenticate — the test processor's 3-D Secure challenge
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { StatePage } from '@/components/checkout/state-page';
import { pendingChallenge } from '@/lib/checkout/authenticate';
import { formatAmount } from '@/lib/money/format';
import { authenticateAction } from '../actions';
import { loadCheckout } from '../load';

export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  const { locale } = await loadCheckout((await params).sessionId);
  const t = await getTranslations({ locale, namespace: 'Authenticate' });
  return { title: t('title') };
}

export default async function AuthenticatePage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { db, session, locale } = await loadCheckout(sessionId);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the session and Accept-Language
  setRequestLocale(locale);
  if (!session) notFound();
  const challenge = await pendingChallenge(db, sessionId);
  if (!challenge?.waiting) redirect(`/c/${sessionId}`);
  const t = await getTranslations('Authenticate');
  const action = authenticateAction.bind(null, sessionId);
  return (
    <StatePage title={t('title')} testId="authenticate">
      <p>{t('body')}</p>
      <p className="mt-2">{t('amount', { amount: formatAmount(challenge.amount, session.currency ?? 'usd', locale) })}</p>
      {challenge.card ? <p>{t('card', { brand: challenge.card.brand, last4: challenge.card.last4 })}</p> : null}
      {/* One form: the button pressed posts its own `result`. */}
      <form action={action} className="mt-6 flex justify-center gap-3">
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

// GET /a/:intentId/:signature — the test processor's 3-D Secure challenge for a payment intent confirmed with a return_url
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ChallengePanel } from '@/components/checkout/challenge-panel';
import { authenticateIntentAction } from './actions';
import { loadIntentChallenge } from './load';

type Props = { params: Promise<{ intentId: string; signature: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { intentId, signature } = await params;
  const { locale } = await loadIntentChallenge(intentId, signature);
  const t = await getTranslations({ locale, namespace: 'Authenticate' });
  return { title: t('title') };
}

export default async function IntentChallengePage({ params }: Props) {
  const { intentId, signature } = await params;
  const { challenge, locale } = await loadIntentChallenge(intentId, signature);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from Accept-Language
  setRequestLocale(locale);
  if (!challenge) notFound();
  const { intent } = challenge;
  return (
    <ChallengePanel
      amount={intent.amount}
      currency={intent.currency}
      card={intent.card}
      locale={locale}
      action={authenticateIntentAction.bind(null, intentId, signature)}
    />
  );
}

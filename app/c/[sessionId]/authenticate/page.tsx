// GET /c/:sessionId/authenticate — the test processor's 3-D Secure challenge
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { ChallengePanel } from '@/components/checkout/challenge-panel';
import { pendingChallenge } from '@/lib/checkout/authenticate';
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
  return (
    <ChallengePanel
      amount={challenge.amount}
      currency={session.currency ?? 'usd'}
      card={challenge.card}
      locale={locale}
      action={authenticateAction.bind(null, sessionId)}
    />
  );
}

'use server';

// The 3-D Secure page of a payment intent the merchant's server confirmed: one plain form post, without JavaScript too.
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { completeIntentChallenge } from '@/lib/payments/intents/intent-challenge';

// POST (server action) — the challenge's answer: back to the merchant's return_url with the intent
export async function authenticateIntentAction(intentId: string, signature: string, form: FormData): Promise<void> {
  const back = await completeIntentChallenge(await getDb(), {
    intentId,
    signature,
    result: form.get('result') === 'complete' ? 'complete' : 'fail',
  });
  if (!back) notFound();
  redirect(back);
}

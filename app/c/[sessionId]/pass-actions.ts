'use server';

// The Caisse Pass forms of the hosted page: thin wrappers over lib/pass, each a plain form post without JavaScript.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { answerPassCode, requestPassCode } from '@/lib/pass/pass-codes';
import type { PassPanelState } from '@/lib/pass/pass-panel-state';
import { PASS_SIGN_IN_MINUTES } from '@/lib/pass/pass-rules';
import { PASS_COOKIE, signOutOfPass } from '@/lib/pass/pass-sign-in';
import { clientKeyFrom } from '@/lib/security/client-key';
import { loadCheckout } from './load';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.slice(0, 400) : '';
};

// POST (server action) — "Send me a code", then the code: signed in, the page comes back with the Pass's details
export async function passAction(sessionId: string, _: PassPanelState, form: FormData): Promise<PassPanelState> {
  const db = await getDb();
  const clientKey = clientKeyFrom(await headers());
  const email = text(form, 'pass_email').trim();
  const step = form.get('step');
  if (step === 'restart') return { step: 'email', email: '', error: null };
  if (step === 'answer') {
    const answer = await answerPassCode(db, { sessionId, email, code: text(form, 'pass_code'), clientKey });
    if (answer.state === 'signed_in') {
      (await cookies()).set(PASS_COOKIE, answer.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: env().APP_URL.startsWith('https:'),
        path: `/c/${sessionId}`,
        maxAge: PASS_SIGN_IN_MINUTES * 60,
      });
      redirect(`/c/${sessionId}`);
    }
    return answer.state === 'wrong'
      ? { step: 'code', email, error: 'wrong' }
      : { step: answer.reason === 'locked' ? 'email' : 'code', email, error: answer.reason };
  }
  const { locale } = await loadCheckout(sessionId);
  const sent = await requestPassCode(db, { sessionId, email, clientKey, locale });
  return sent.state === 'sent' ? { step: 'code', email, error: null } : { step: 'email', email, error: sent.reason };
}

// POST (server action) — sign out of the Pass on this page
export async function passSignOutAction(sessionId: string): Promise<void> {
  const jar = await cookies();
  await signOutOfPass(await getDb(), jar.get(PASS_COOKIE)?.value);
  jar.delete({ name: PASS_COOKIE, path: `/c/${sessionId}` });
  redirect(`/c/${sessionId}`);
}

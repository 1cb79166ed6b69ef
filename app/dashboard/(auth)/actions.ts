'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { DASHBOARD_LOCALES, type DashboardLocale } from '@/i18n/dashboard';
import { failure, publicAction, type ActionOptions } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import type { ActionResult } from '@/lib/actions/result';
import { requestSignInLink, signIn, signInWithLink, signOut } from '@/lib/auth/sign-in';
import { finishSignUp, startSignUp } from '@/lib/auth/sign-up';
import {
  finishSignUpSchema,
  linkToken,
  signInLinkRequestSchema,
  signInLinkSchema,
  signInSchema,
  signUpSchema,
  type FinishSignUpInput,
} from '@/lib/validation/dashboard-auth';

const AUTH = { messages: 'Dashboard.auth.errors' } satisfies ActionOptions;

/** The language of the emails this request sends: the dashboard's own. */
async function emailLocale(): Promise<DashboardLocale> {
  const locale = await getLocale();
  return DASHBOARD_LOCALES.find((l) => l === locale) ?? 'en';
}

/** A lib/auth outcome: its refusal is the form's error. */
function orRefuse(outcome: { ok: true } | { ok: false; error: string }) {
  if (!outcome.ok) throw new ActionError(outcome.error);
}

// POST (server action) — sign-up: "check your email", whether the address is new or taken
export const signUpAction = publicAction(
  signUpSchema,
  async (values) => {
    orRefuse(await startSignUp(values, await headers(), await emailLocale()));
  },
  AUTH,
);

const finishSignUpWith = publicAction(
  finishSignUpSchema,
  async (values) => {
    orRefuse(await finishSignUp(values, await headers()));
    redirect('/dashboard');
  },
  AUTH,
);

// POST (server action) — the sign-up link's page: choose the password, then the account exists and is signed in
export async function finishSignUpAction(input: FinishSignUpInput): Promise<ActionResult> {
  // A bad link is told as such, whatever the password typed.
  if (!linkToken.safeParse((input as Partial<FinishSignUpInput> | undefined)?.token).success)
    return failure({ code: 'link_invalid' }, AUTH.messages);
  return finishSignUpWith(input);
}

export const signInAction = publicAction(
  signInSchema,
  async (values) => {
    orRefuse(await signIn(values, await headers()));
    redirect('/dashboard');
  },
  AUTH,
);

// POST (server action) — email me a one-time sign-in link (the same answer for any address)
export const requestSignInLinkAction = publicAction(
  signInLinkRequestSchema,
  async ({ email }) => {
    orRefuse(await requestSignInLink(email, await headers(), await emailLocale()));
  },
  AUTH,
);

// POST (server action) — the sign-in link's page: "Sign in" uses the link
export const signInWithLinkAction = publicAction(
  signInLinkSchema,
  async ({ token }) => {
    orRefuse(await signInWithLink(token, await headers()));
    redirect('/dashboard');
  },
  { ...AUTH, invalid: { code: 'link_invalid' } },
);

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect('/dashboard/sign-in');
}

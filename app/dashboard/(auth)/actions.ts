'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { DASHBOARD_LOCALES, type DashboardLocale } from '@/i18n/dashboard';
import { requestSignInLink, signIn, signInWithLink, signOut } from '@/lib/auth/sign-in';
import { finishSignUp, startSignUp } from '@/lib/auth/sign-up';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import {
  finishSignUpSchema,
  linkToken,
  signInLinkRequestSchema,
  signInLinkSchema,
  signInSchema,
  signUpSchema,
  type FinishSignUpInput,
  type SignInInput,
  type SignInLinkInput,
  type SignInLinkRequestInput,
  type SignUpInput,
} from '@/lib/validation/dashboard-auth';

/** The language of the emails this request sends: the dashboard's own. */
async function emailLocale(): Promise<DashboardLocale> {
  const locale = await getLocale();
  return DASHBOARD_LOCALES.find((l) => l === locale) ?? 'en';
}

// POST (server action) — sign-up: "check your email", whether the address is new or taken
export async function signUpAction(input: SignUpInput): Promise<ActionResult> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await startSignUp(parsed.data, await headers(), await emailLocale());
  return outcome.ok ? ok() : fail(outcome.error);
}

// POST (server action) — the sign-up link's page: choose the password, then the account exists and is signed in
export async function finishSignUpAction(input: FinishSignUpInput): Promise<ActionResult> {
  if (!linkToken.safeParse(input?.token).success) return fail('link_invalid');
  const parsed = parseInput(finishSignUpSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await finishSignUp(parsed.data, await headers());
  if (!outcome.ok) return fail(outcome.error);
  redirect('/dashboard');
}

export async function signInAction(input: SignInInput): Promise<ActionResult> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await signIn(parsed.data, await headers());
  if (!outcome.ok) return fail(outcome.error);
  redirect('/dashboard');
}

// POST (server action) — email me a one-time sign-in link (the same answer for any address)
export async function requestSignInLinkAction(input: SignInLinkRequestInput): Promise<ActionResult> {
  const parsed = parseInput(signInLinkRequestSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await requestSignInLink(parsed.data.email, await headers(), await emailLocale());
  return outcome.ok ? ok() : fail(outcome.error);
}

// POST (server action) — the sign-in link's page: "Sign in" uses the link
export async function signInWithLinkAction(input: SignInLinkInput): Promise<ActionResult> {
  const parsed = parseInput(signInLinkSchema, input);
  if (!parsed.ok) return fail('link_invalid');
  const outcome = await signInWithLink(parsed.data.token, await headers());
  if (!outcome.ok) return fail(outcome.error);
  redirect('/dashboard');
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect('/dashboard/sign-in');
}

'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/auth/sign-in';
import { signUpMerchant } from '@/lib/auth/sign-up';
import { fail, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { signInSchema, signUpSchema, type SignInInput, type SignUpInput } from '@/lib/validation/dashboard-auth';

export async function signUpAction(input: SignUpInput): Promise<ActionResult> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await signUpMerchant(parsed.data, await headers());
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

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect('/dashboard/sign-in');
}

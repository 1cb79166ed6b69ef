// GET /dashboard/sign-up/finish?token=… — the emailed sign-up link: choose a password to finish the account
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FinishSignUpForm } from '@/components/dashboard/auth/finish-sign-up-form';
import { LinkNotValid } from '@/components/dashboard/auth/link-not-valid';
import { peekLink } from '@/lib/auth/email-links';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.auth'))('finish_title') };
}

export default async function FinishSignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const record = typeof token === 'string' ? await peekLink('sign-up', token) : null;
  if (!record?.businessName) return <LinkNotValid again="sign-up" />;
  return <FinishSignUpForm token={token as string} email={record.email} businessName={record.businessName} />;
}

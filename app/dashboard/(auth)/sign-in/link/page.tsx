// GET /dashboard/sign-in/link?token=… — the emailed one-time sign-in link: confirm to sign in
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkNotValid } from '@/components/dashboard/auth/link-not-valid';
import { SignInLinkForm } from '@/components/dashboard/auth/sign-in-link-form';
import { peekLink } from '@/lib/auth/email-links';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.auth'))('link_title') };
}

export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const record = typeof token === 'string' ? await peekLink('sign-in', token) : null;
  if (!record) return <LinkNotValid again="sign-in" />;
  return <SignInLinkForm token={token as string} email={record.email} />;
}

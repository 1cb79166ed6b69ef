// GET /dashboard/sign-in — email and password
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/dashboard/auth/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.auth'))('sign_in_title') };
}

export default function SignInPage() {
  return <SignInForm />;
}

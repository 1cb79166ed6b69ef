// GET /dashboard/sign-up — a new merchant account and its owner
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/dashboard/auth/sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.auth'))('sign_up_title') };
}

export default function SignUpPage() {
  return <SignUpForm />;
}

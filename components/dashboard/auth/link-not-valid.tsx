import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/** What a used, expired or mistyped one-time link shows, with the way to ask for another. */
export async function LinkNotValid({ again }: { again: 'sign-in' | 'sign-up' }) {
  const t = await getTranslations('Dashboard.auth');
  return (
    <Card>
      <h1 className="mb-2 text-xl font-semibold">{t('link_invalid_title')}</h1>
      <p className="mb-4 text-sm" data-testid="link-invalid">
        {t('errors.link_invalid')}
      </p>
      <Link
        href={again === 'sign-in' ? '/dashboard/sign-in' : '/dashboard/sign-up'}
        className="font-medium text-[var(--ck-link)] underline"
      >
        {again === 'sign-in' ? t('back_to_sign_in') : t('start_again')}
      </Link>
    </Card>
  );
}

// GET /pass/:passId/:signature — deletes a Caisse Pass (the link in every Pass email)
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';
import { deletePassAction } from './actions';
import { loadPassPage } from './load';

type Props = { params: Promise<{ passId: string; signature: string }>; searchParams: Promise<{ deleted?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { passId, signature } = await params;
  const { locale } = await loadPassPage(passId, signature);
  const t = await getTranslations({ locale, namespace: 'Pass.delete' });
  return { title: t('title') };
}

export default async function PassDeletePage({ params, searchParams }: Props) {
  const { passId, signature } = await params;
  const { pass, locale } = await loadPassPage(passId, signature);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from Accept-Language
  setRequestLocale(locale);
  const t = await getTranslations('Pass.delete');
  if (!pass)
    return (
      <StatePage title={t('title')} testId="pass-deleted">
        {(await searchParams).deleted ? t('done') : t('gone')}
      </StatePage>
    );
  return (
    <StatePage title={t('title')} testId="pass-delete">
      <p>{t('body', { email: pass.email })}</p>
      <form action={deletePassAction.bind(null, passId, signature)} className="mt-6">
        <button
          type="submit"
          className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800"
          data-testid="pass-delete-confirm"
        >
          {t('confirm')}
        </button>
      </form>
    </StatePage>
  );
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Cursor = { before: string } | { after: string };

/**
 * The links to a list's newer and older pages (none when the list fits on one page), in the words of the
 * list's messages (`pagination`, `newer`, `older`); `href` gives a cursor's URL, with the list's filters.
 */
export async function NewerOlderLinks({
  messages,
  newer,
  older,
  href,
}: {
  messages: 'Dashboard.sessions' | 'Dashboard.payments' | 'Dashboard.customers' | 'Dashboard.subscriptions' | 'Dashboard.invoices';
  newer: string | null;
  older: string | null;
  href: (cursor: Cursor) => string;
}) {
  if (!newer && !older) return null;
  const t = await getTranslations(messages);
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex justify-between gap-3 text-sm">
      {newer ? (
        <Link href={href({ before: newer })} rel="prev" className="text-[var(--ck-link)] underline">
          ← {t('newer')}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={href({ after: older })} rel="next" className="text-[var(--ck-link)] underline">
          {t('older')} →
        </Link>
      ) : null}
    </nav>
  );
}

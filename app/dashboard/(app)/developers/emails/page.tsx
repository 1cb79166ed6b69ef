// GET /dashboard/developers/emails?before= — the outbox: receipts sent, kept (no SMTP server), pending or failed
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { listOutbox } from '@/lib/receipts/email-outbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.emails'))('title') };
}

const TONE = { sent: 'good', kept: 'neutral', pending: 'warn', failed: 'bad' } as const;

export default async function EmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { before } = await searchParams;
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.emails');
  const date = await dateFormatter();
  const { rows, hasMore } = await listOutbox(db, {
    accountId,
    before: typeof before === 'string' && before.length <= 100 ? before : undefined,
  });
  return (
    <Card title={t('title')}>
      <p className="mb-4 text-sm text-[var(--ck-muted)]">{t('intro')}</p>
      <DataTable
        caption={t('title')}
        rows={rows}
        rowKey={(e) => e.id}
        empty={t('empty')}
        columns={[
          { key: 'to', header: t('to'), cell: (e) => <span className="break-all">{e.to}</span> },
          {
            key: 'subject',
            header: t('subject'),
            cell: (e) => (
              <Link href={`/dashboard/developers/emails/${e.id}`} className="text-[var(--ck-link)] underline">
                {e.subject}
              </Link>
            ),
          },
          { key: 'status', header: t('status'), cell: (e) => <Badge tone={TONE[e.status]}>{t(`statuses.${e.status}`)}</Badge> },
          { key: 'created', header: t('created'), cell: (e) => date(e.createdAt) },
          { key: 'sent', header: t('sent'), cell: (e) => date(e.sentAt) },
        ]}
      />
      {hasMore && rows.length > 0 ? (
        <nav aria-label={t('pagination')} className="mt-4 text-sm">
          <Link
            href={`/dashboard/developers/emails?before=${encodeURIComponent(rows[rows.length - 1].id)}`}
            className="text-[var(--ck-link)] underline"
          >
            {t('older')}
          </Link>
        </nav>
      ) : null}
    </Card>
  );
}

// GET /dashboard/developers/webhooks — webhook endpoints with their status, and a form to add one
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { WebhookEndpointForm } from '@/components/dashboard/developers/webhook-endpoint-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { listEndpointViews } from '@/lib/webhooks/delivery-log';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.webhooks'))('title') };
}

export default async function WebhooksPage() {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.webhooks');
  const date = await dateFormatter();
  const endpoints = await listEndpointViews(db, { accountId });
  return (
    <div className="space-y-6">
      <Card title={t('title')}>
        <DataTable
          caption={t('title')}
          rows={endpoints}
          rowKey={(e) => e.id}
          empty={t('empty')}
          columns={[
            {
              key: 'url',
              header: t('url'),
              cell: (e) => (
                <Link href={`/dashboard/developers/webhooks/${e.id}`} className="break-all text-[var(--ck-link)] underline">
                  {e.url}
                </Link>
              ),
            },
            { key: 'description', header: t('description'), cell: (e) => e.description ?? '—' },
            {
              key: 'events',
              header: t('events'),
              cell: (e) => (e.enabledEvents.includes('*') ? t('all_events') : t('event_count', { count: e.enabledEvents.length })),
            },
            {
              key: 'status',
              header: t('status'),
              cell: (e) =>
                e.status === 'disabled' ? (
                  <Badge tone="bad">{e.disabledReason ? t('disabled_reason', { reason: e.disabledReason }) : t('disabled')}</Badge>
                ) : e.failingSince ? (
                  <Badge tone="warn">{t('failing_since', { date: date(e.failingSince) })}</Badge>
                ) : (
                  <Badge tone="good">{t('enabled')}</Badge>
                ),
            },
          ]}
        />
      </Card>
      <WebhookEndpointForm />
    </div>
  );
}

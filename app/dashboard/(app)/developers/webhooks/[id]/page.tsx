// GET /dashboard/developers/webhooks/[id] — one endpoint: status, controls, edit form and its delivery log
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { DeliveryStatus } from '@/components/dashboard/developers/delivery-status';
import { EndpointControls } from '@/components/dashboard/developers/endpoint-controls';
import { RefreshWhilePending } from '@/components/dashboard/developers/refresh-while-pending';
import { WebhookEndpointForm } from '@/components/dashboard/developers/webhook-endpoint-form';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { orNotFound } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { dueSoon, endpointWithDeliveries } from '@/lib/webhooks/delivery-log';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.webhooks'))('endpoint_title') };
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.webhooks');
  const td = await getTranslations('Dashboard.developers.deliveries');
  const date = await dateFormatter();
  const { endpoint, deliveries } = await orNotFound(endpointWithDeliveries(db, { accountId, id }));
  const enabled = endpoint.status === 'enabled';
  return (
    <div className="space-y-6">
      <Card title={t('endpoint_title')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-[var(--ck-muted)]">{t('url')}</dt>
          <dd className="break-all" data-testid="endpoint-url">
            {endpoint.url}
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('status')}</dt>
          <dd data-testid="endpoint-status">
            {enabled ? t('enabled') : endpoint.disabledReason ? t('disabled_reason', { reason: endpoint.disabledReason }) : t('disabled')}
            {enabled && endpoint.failingSince ? ` — ${t('failing_since', { date: date(endpoint.failingSince) })}` : null}
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('created')}</dt>
          <dd>{date(endpoint.createdAt)}</dd>
        </dl>
      </Card>
      <EndpointControls id={endpoint.id} enabled={enabled} />
      <Card title={td('title')}>
        <RefreshWhilePending pending={deliveries.some((d) => dueSoon(d))} />
        <DataTable
          caption={td('title')}
          rows={deliveries}
          rowKey={(d) => d.id}
          empty={td('empty')}
          columns={[
            {
              key: 'event',
              header: td('event'),
              cell: (d) => (
                <Link href={`/dashboard/developers/deliveries/${d.id}`} className="text-[var(--ck-link)] underline">
                  {d.eventType}
                </Link>
              ),
            },
            { key: 'event_id', header: td('event_id'), cell: (d) => <code className="font-mono text-xs">{d.eventId}</code> },
            { key: 'status', header: td('status'), cell: (d) => <DeliveryStatus status={d.status} attempts={d.attemptCount} /> },
            { key: 'attempts', header: td('attempts'), cell: (d) => d.attemptCount },
            { key: 'code', header: td('last_status_code'), cell: (d) => d.lastStatusCode ?? '—' },
            { key: 'next', header: td('next_attempt'), cell: (d) => (d.status === 'pending' ? date(d.nextAttemptAt) : '—') },
          ]}
        />
      </Card>
      <WebhookEndpointForm
        endpoint={{ id: endpoint.id, url: endpoint.url, description: endpoint.description ?? '', enabledEvents: endpoint.enabledEvents }}
      />
    </div>
  );
}

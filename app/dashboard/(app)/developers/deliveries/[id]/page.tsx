// GET /dashboard/developers/deliveries/[id] — one webhook delivery: its attempts, the request body sent, and "Resend"
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { DeliveryStatus } from '@/components/dashboard/developers/delivery-status';
import { RefreshWhilePending } from '@/components/dashboard/developers/refresh-while-pending';
import { ResendButton } from '@/components/dashboard/developers/resend-button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { orNotFound } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { deliveryDetail, dueSoon } from '@/lib/webhooks/delivery-log';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.deliveries'))('delivery_title') };
}

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.deliveries');
  const date = await dateFormatter();
  const { delivery, attempts, requestBody } = await orNotFound(deliveryDetail(db, { accountId, id }));
  return (
    <div className="space-y-6">
      <RefreshWhilePending pending={dueSoon(delivery)} />
      <Card title={t('delivery_title')} actions={<ResendButton deliveryId={delivery.id} />}>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-[var(--ck-muted)]">{t('endpoint')}</dt>
          <dd className="break-all">
            <Link href={`/dashboard/developers/webhooks/${delivery.endpointId}`} className="text-[var(--ck-link)] underline">
              {delivery.endpointUrl}
            </Link>
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('event')}</dt>
          <dd>
            <Link href={`/dashboard/developers/events/${delivery.eventId}`} className="text-[var(--ck-link)] underline">
              {delivery.eventType}
            </Link>{' '}
            <code className="font-mono text-xs">{delivery.eventId}</code>
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('status')}</dt>
          <dd>
            <DeliveryStatus status={delivery.status} attempts={delivery.attemptCount} />
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('attempts')}</dt>
          <dd>{delivery.attemptCount}</dd>
          <dt className="text-[var(--ck-muted)]">{t('last_status_code')}</dt>
          <dd data-testid="last-status-code">{delivery.lastStatusCode ?? '—'}</dd>
          <dt className="text-[var(--ck-muted)]">{t('next_attempt')}</dt>
          <dd>{delivery.status === 'pending' ? date(delivery.nextAttemptAt) : '—'}</dd>
        </dl>
      </Card>
      <Card title={t('attempts_title')}>
        <DataTable
          caption={t('attempts_title')}
          rows={attempts}
          rowKey={(a) => a.id}
          empty={t('no_attempts')}
          columns={[
            { key: 'time', header: t('time'), cell: (a) => date(a.attemptedAt) },
            { key: 'code', header: t('status_code'), cell: (a) => a.statusCode ?? '—' },
            { key: 'latency', header: t('latency'), cell: (a) => t('latency_ms', { ms: a.latencyMs }) },
            {
              key: 'response',
              header: t('response'),
              cell: (a) => <pre className="max-w-md whitespace-pre-wrap break-all font-mono text-xs">{a.responseExcerpt || '—'}</pre>,
            },
            { key: 'error', header: t('error'), cell: (a) => a.error ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('request_body')}>
        <pre
          tabIndex={0}
          aria-label={t('request_body')}
          className="max-h-96 overflow-auto rounded bg-gray-50 p-3 font-mono text-xs"
          data-testid="request-body"
        >
          {requestBody}
        </pre>
      </Card>
    </div>
  );
}

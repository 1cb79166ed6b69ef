// GET /dashboard/developers/events/[id] — one event: its JSON as the API and webhooks send it, and its deliveries
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { DeliveryStatus } from '@/components/dashboard/developers/delivery-status';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { orNotFound } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { retrieveEvent } from '@/lib/events/events';
import { deliveriesOfEvent } from '@/lib/webhooks/delivery-log';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.events'))('event_title') };
}

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.events');
  const td = await getTranslations('Dashboard.developers.deliveries');
  const date = await dateFormatter();
  const event = await orNotFound(retrieveEvent(db, { accountId, id }));
  const deliveries = await deliveriesOfEvent(db, { accountId, eventId: event.id });
  return (
    <div className="space-y-6">
      <Card title={t('event_title')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-[var(--ck-muted)]">{t('type')}</dt>
          <dd data-testid="event-type">{event.type}</dd>
          <dt className="text-[var(--ck-muted)]">{t('id')}</dt>
          <dd>
            <code className="break-all font-mono text-xs">{event.id}</code>
          </dd>
          <dt className="text-[var(--ck-muted)]">{t('created')}</dt>
          <dd>{date(new Date(event.created * 1000))}</dd>
        </dl>
      </Card>
      <Card title={td('title')}>
        <DataTable
          caption={td('title')}
          rows={deliveries}
          rowKey={(d) => d.id}
          empty={td('empty_event')}
          columns={[
            {
              key: 'endpoint',
              header: td('endpoint'),
              cell: (d) => (
                <Link href={`/dashboard/developers/deliveries/${d.id}`} className="break-all text-[var(--ck-link)] underline">
                  {d.endpointUrl}
                </Link>
              ),
            },
            { key: 'status', header: td('status'), cell: (d) => <DeliveryStatus status={d.status} attempts={d.attemptCount} /> },
            { key: 'attempts', header: td('attempts'), cell: (d) => d.attemptCount },
            { key: 'code', header: td('last_status_code'), cell: (d) => d.lastStatusCode ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('payload')}>
        <pre
          tabIndex={0}
          aria-label={t('payload')}
          className="max-h-[32rem] overflow-auto rounded bg-gray-50 p-3 font-mono text-xs"
          data-testid="event-payload"
        >
          {JSON.stringify(event, null, 2)}
        </pre>
      </Card>
    </div>
  );
}

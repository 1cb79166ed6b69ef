// GET /dashboard/developers/events?type=&starting_after=&ending_before= — the account's events, newest first
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { orNotFound } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { CAISSE_EVENT_TYPES } from '@/lib/events/event-types';
import { listEvents } from '@/lib/events/events';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.events'))('title') };
}

const PAGE_SIZE = 25;
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v.length <= 100 ? v : undefined);

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const type = (CAISSE_EVENT_TYPES as readonly string[]).includes(one(sp.type) ?? '') ? one(sp.type) : undefined;
  const startingAfter = one(sp.starting_after);
  const endingBefore = startingAfter ? undefined : one(sp.ending_before);
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.events');
  const date = await dateFormatter();
  const { data, hasMore } = await orNotFound(
    listEvents(db, { accountId }, { limit: PAGE_SIZE, type, starting_after: startingAfter, ending_before: endingBefore }),
  );
  const link = (cursor: Record<string, string>) =>
    `/dashboard/developers/events?${new URLSearchParams({ ...(type ? { type } : {}), ...cursor })}`;
  // Paging forward in time (ending_before) returns that page in order; "older" exists when the list went on or when we came from newer.
  const hasOlder = endingBefore ? data.length > 0 : hasMore;
  const hasNewer = endingBefore ? hasMore : Boolean(startingAfter);
  return (
    <Card title={t('title')}>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="event-type" className="mb-1 block text-sm font-medium">
            {t('type')}
          </label>
          <select
            id="event-type"
            name="type"
            defaultValue={type ?? ''}
            className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2"
          >
            <option value="">{t('all_types')}</option>
            {CAISSE_EVENT_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {ty}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t('filter')}
        </Button>
      </form>
      <DataTable
        caption={t('title')}
        rows={data}
        rowKey={(e) => e.id}
        empty={t('empty')}
        columns={[
          {
            key: 'type',
            header: t('type'),
            cell: (e) => (
              <Link href={`/dashboard/developers/events/${e.id}`} className="text-[var(--ck-link)] underline">
                {e.type}
              </Link>
            ),
          },
          { key: 'id', header: t('id'), cell: (e) => <code className="font-mono text-xs">{e.id}</code> },
          {
            key: 'object',
            header: t('object'),
            cell: (e) => {
              const id = (e.data.object as { id?: unknown }).id;
              return <code className="font-mono text-xs">{typeof id === 'string' ? id : '—'}</code>;
            },
          },
          { key: 'created', header: t('created'), cell: (e) => date(new Date(e.created * 1000)) },
        ]}
      />
      <nav aria-label={t('pagination')} className="mt-4 flex gap-4 text-sm">
        {hasNewer && data.length > 0 ? (
          <Link href={link({ ending_before: data[0].id })} className="text-[var(--ck-link)] underline">
            {t('newer')}
          </Link>
        ) : null}
        {hasOlder && data.length > 0 ? (
          <Link href={link({ starting_after: data[data.length - 1].id })} className="text-[var(--ck-link)] underline">
            {t('older')}
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}

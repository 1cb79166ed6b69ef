import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { EventView } from '@/lib/dashboard/event-views';

const TONE: Record<string, BadgeTone> = { pending: 'warn', succeeded: 'good', failed: 'bad' };

/** Events about an object (a session and its payment intent, a subscription), oldest first, each with its webhook deliveries. */
export async function EventsCard({ events, caption, testId }: { events: EventView[]; caption: string; testId: string }) {
  const [t, format] = await Promise.all([getTranslations('Dashboard.sessions.detail'), getFormatter()]);
  return (
    <Card title={t('events')} className="mb-4">
      {events.length === 0 ? (
        <p className="text-sm text-[var(--ck-muted)]">{t('no_events')}</p>
      ) : (
        <ol className="space-y-3 text-sm" aria-label={caption} data-testid={testId}>
          {events.map((e) => (
            <li key={e.id} className="border-b border-[var(--ck-border)] pb-3 last:border-0">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <code className="font-semibold">{e.type}</code>
                <span className="text-[var(--ck-muted)]">
                  {format.dateTime(e.created, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC
                </span>
              </div>
              <p className="break-all text-xs text-[var(--ck-muted)]">{e.id}</p>
              <p className="mt-1 text-xs font-medium">{t('deliveries')}</p>
              {e.deliveries.length === 0 ? (
                <p className="text-xs text-[var(--ck-muted)]">{t('no_deliveries')}</p>
              ) : (
                <ul className="mt-1 space-y-1">
                  {e.deliveries.map((d) => (
                    <li key={d.id} className="break-all">
                      <Badge tone={TONE[d.status] ?? 'neutral'}>
                        {t(`delivery_status.${d.status === 'succeeded' || d.status === 'failed' ? d.status : 'pending'}`)}
                      </Badge>{' '}
                      {t('delivery', { url: d.endpointUrl, attempts: d.attempts })}
                      {d.lastStatusCode !== null ? ` — ${t('http_status', { code: d.lastStatusCode })}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

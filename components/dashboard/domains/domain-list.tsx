import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { CustomDomainView } from '@/lib/domains/custom-domains';
import { DomainActions } from './domain-actions';

/** The account's domains: status, the TXT record to create, and what can be done with each. */
export async function DomainList({
  domains,
  appHost,
  checkoutDomain,
}: {
  domains: CustomDomainView[];
  appHost: string;
  checkoutDomain: string | null;
}) {
  const t = await getTranslations('Dashboard.domains');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  if (domains.length === 0) return <p className="py-4 text-sm text-[var(--ck-muted)]">{t('empty', { appHost })}</p>;
  return (
    <ul className="divide-y divide-[var(--ck-border)]">
      {domains.map((d) => (
        <li key={d.id} className="space-y-3 py-4" data-testid="custom-domain" aria-labelledby={`${d.id}-name`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`${d.id}-name`} className="break-all font-mono text-base font-semibold">
              {d.hostname}
            </h3>
            <Badge tone={d.verified ? 'good' : 'warn'}>{d.verified ? t('status_verified') : t('status_pending')}</Badge>
          </div>
          <p className="text-sm text-[var(--ck-muted)]">
            {d.verifiedAt
              ? t('verified_at', { when: when(d.verifiedAt) })
              : d.lastCheckedAt
                ? t('last_checked', { when: when(d.lastCheckedAt) })
                : t('never_checked')}
            {d.hostname === checkoutDomain ? ` ${t('checkout_domain')}` : null}
          </p>
          {d.verified ? null : (
            <div className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] p-3">
              <h4 className="mb-2 text-sm font-semibold">{t('record_title')}</h4>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="txt-record">
                <dt className="text-[var(--ck-muted)]">{t('record_type')}</dt>
                <dd className="font-mono">TXT</dd>
                <dt className="text-[var(--ck-muted)]">{t('record_name')}</dt>
                <dd className="break-all font-mono" data-testid="txt-record-name">
                  {d.record.name}
                </dd>
                <dt className="text-[var(--ck-muted)]">{t('record_value')}</dt>
                <dd className="break-all font-mono" data-testid="txt-record-value">
                  {d.record.value}
                </dd>
              </dl>
            </div>
          )}
          <DomainActions id={d.id} hostname={d.hostname} recordName={d.record.name} verified={d.verified} />
        </li>
      ))}
    </ul>
  );
}

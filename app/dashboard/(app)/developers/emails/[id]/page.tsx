// GET /dashboard/developers/emails/[id] — one outgoing email: its HTML in a sandboxed frame, and its text version
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { Card } from '@/components/ui/card';
import { orNotFound } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { getOutboxEmail } from '@/lib/receipts/email-outbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.emails'))('email_title') };
}

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.developers.emails');
  const date = await dateFormatter();
  const email = await orNotFound(getOutboxEmail(db, { accountId, id }));
  return (
    <div className="space-y-6">
      <Card title={email.subject}>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-[var(--ck-muted)]">{t('to')}</dt>
          <dd className="break-all">{email.to}</dd>
          <dt className="text-[var(--ck-muted)]">{t('status')}</dt>
          <dd>{t(`statuses.${email.status}`)}</dd>
          <dt className="text-[var(--ck-muted)]">{t('created')}</dt>
          <dd>{date(email.createdAt)}</dd>
          <dt className="text-[var(--ck-muted)]">{t('sent')}</dt>
          <dd>{date(email.sentAt)}</dd>
          {email.lastError ? (
            <>
              <dt className="text-[var(--ck-muted)]">{t('error')}</dt>
              <dd className="break-all">{email.lastError}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title={t('html_version')}>
        {/* An empty sandbox: the message's HTML can run no script, submit no form and reach nothing of the dashboard. */}
        <iframe
          title={t('html_version')}
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={email.html}
          className="h-[36rem] w-full rounded border border-[var(--ck-border)] bg-white"
        />
      </Card>
      <Card title={t('text_version')}>
        <pre tabIndex={0} aria-label={t('text_version')} className="max-h-96 overflow-auto whitespace-pre-wrap font-mono text-xs">
          {email.text}
        </pre>
      </Card>
    </div>
  );
}

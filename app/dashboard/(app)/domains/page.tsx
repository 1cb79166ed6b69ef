// GET /dashboard/domains — custom domains (add, verify, remove), allowed redirect domains and embed origins
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AddDomainForm } from '@/components/dashboard/domains/add-domain-form';
import { EmbedOriginsForm, RedirectDomainsForm } from '@/components/dashboard/domains/allowlist-form';
import { DomainList } from '@/components/dashboard/domains/domain-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { accountAllowlists } from '@/lib/domains/allowlists';
import { checkoutDomainOf, customDomains } from '@/lib/domains/custom-domains';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.domains'))('title') };
}

export default async function DomainsPage() {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.domains');
  const [domains, allowlists] = await Promise.all([customDomains(db, { accountId }), accountAllowlists(db, { accountId })]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="max-w-3xl space-y-6">
        <Card title={t('domains_title')}>
          <p className="mb-4 text-sm text-[var(--ck-muted)]">{t('domains_help')}</p>
          <AddDomainForm />
          <DomainList domains={domains} appHost={new URL(env().APP_URL).host} checkoutDomain={checkoutDomainOf(domains)} />
        </Card>
        <Card title={t('redirects_title')}>
          <RedirectDomainsForm entries={allowlists.allowedRedirectDomains} />
        </Card>
        <Card title={t('embeds_title')}>
          <EmbedOriginsForm entries={allowlists.allowedEmbedOrigins} />
        </Card>
      </div>
    </>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { SectionTabs } from '../section-tabs';

/** The developers area's sections; a delivery page belongs to webhooks. */
export function DevelopersTabs() {
  const t = useTranslations('Dashboard.developers.tabs');
  return (
    <SectionTabs
      label={t('label')}
      tabs={[
        { href: '/dashboard/developers', label: t('keys') },
        { href: '/dashboard/developers/webhooks', also: ['/dashboard/developers/deliveries'], label: t('webhooks') },
        { href: '/dashboard/developers/events', label: t('events') },
        { href: '/dashboard/developers/emails', label: t('emails') },
      ]}
    />
  );
}

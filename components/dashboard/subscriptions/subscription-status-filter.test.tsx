import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import { SubscriptionStatusFilter } from './subscription-status-filter';

const tabs = (name: string) => within(screen.getByRole('navigation', { name })).getAllByRole('link');

describe('SubscriptionStatusFilter', () => {
  it('one link per status, each from the first page; "All" is current with no filter', () => {
    renderDashboard(<SubscriptionStatusFilter filters={{ after: 'sub_older' }} />);
    expect(tabs('Filter subscriptions by status').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['All', '/dashboard/subscriptions'],
      ['Active', '/dashboard/subscriptions?status=active'],
      ['Trialing', '/dashboard/subscriptions?status=trialing'],
      ['Past due', '/dashboard/subscriptions?status=past_due'],
      ['Unpaid', '/dashboard/subscriptions?status=unpaid'],
      ['Paused', '/dashboard/subscriptions?status=paused'],
      ['Incomplete', '/dashboard/subscriptions?status=incomplete'],
      ['Expired before payment', '/dashboard/subscriptions?status=incomplete_expired'],
      ['Canceled', '/dashboard/subscriptions?status=canceled'],
    ]);
    expect(screen.getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');
  });

  it('the chosen status is the current tab, in French too', () => {
    renderDashboard(<SubscriptionStatusFilter filters={{ status: 'canceled' }} />, { locale: 'fr' });
    const current = tabs('Filtrer les abonnements par statut').filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.textContent)).toEqual(['Annulé']);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { SubscriptionSummary } from '@/lib/dashboard/subscription-summary';
import { SubscriptionsTable } from './subscriptions-table';

const sub = (over: Partial<SubscriptionSummary> = {}): SubscriptionSummary => ({
  id: 'sub_1',
  created: new Date('2026-03-10T09:00:00Z'),
  status: 'active',
  customerId: 'cus_1',
  customer: { id: 'cus_1', email: 'jenny@example.com', name: 'Jenny Rosen' },
  amount: { amount: 900, currency: 'eur', interval: 'month', intervalCount: 1 },
  currentPeriodEnd: new Date('2026-04-10T09:00:00Z'),
  cancelAtPeriodEnd: false,
  ...over,
});

const rowOf = (text: string) => screen.getAllByRole('row').find((r) => r.textContent.includes(text));

describe('SubscriptionsTable', () => {
  it('one row per subscription: the amount per period links to it, the customer to theirs, then status and period end', () => {
    renderDashboard(
      <SubscriptionsTable
        caption="Subscriptions"
        empty="None"
        rows={[
          sub(),
          sub({
            id: 'sub_2',
            status: 'past_due',
            customer: { id: 'cus_2', email: null, name: 'Ann' },
            customerId: 'cus_2',
            amount: { amount: 30000, currency: 'usd', interval: 'year', intervalCount: 1 },
            cancelAtPeriodEnd: true,
          }),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Subscriptions' });
    expect(within(table).getByRole('link', { name: '€9.00 per month' }).getAttribute('href')).toBe('/dashboard/subscriptions/sub_1');
    expect(within(table).getByRole('link', { name: 'jenny@example.com' }).getAttribute('href')).toBe('/dashboard/customers/cus_1');
    expect(rowOf('€9.00')?.textContent).toContain('Active');
    expect(rowOf('€9.00')?.textContent).toContain('Apr 10, 2026');
    // No email: the name; a cancellation at period end is said under the status.
    expect(within(table).getByRole('link', { name: 'Ann' })).toBeTruthy();
    expect(rowOf('$300.00 per year')?.textContent).toContain('Past due');
    expect(rowOf('$300.00 per year')?.textContent).toContain('Cancels Apr 10, 2026');
  });

  it('a canceled subscription has no period end; on a customer’s page there is no customer column', () => {
    renderDashboard(<SubscriptionsTable caption="Theirs" empty="None" rows={[sub({ status: 'canceled' })]} withCustomer={false} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Amount', 'Status', 'Current period ends (UTC)', 'Created (UTC)']);
    expect(rowOf('€9.00')?.textContent).toContain('Canceled');
    expect(rowOf('€9.00')?.textContent).not.toContain('Apr 10, 2026');
  });

  it('none → the words it was given', () => {
    renderDashboard(<SubscriptionsTable caption="Subscriptions" empty="No subscriptions match this filter." rows={[]} />);
    expect(screen.getByText('No subscriptions match this filter.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('in French: "9,00 € par mois", "En retard de paiement"', () => {
    renderDashboard(<SubscriptionsTable caption="Abonnements" empty="Aucun" rows={[sub({ status: 'past_due' })]} />, { locale: 'fr' });
    expect(screen.getByRole('link', { name: /^9,00\s€ par mois$/ })).toBeTruthy();
    expect(screen.getByText('En retard de paiement')).toBeTruthy();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import { CustomersTable } from './customers-table';

describe('CustomersTable', () => {
  it('email (or "No email") links to the customer; name, subscriptions, creation', () => {
    renderDashboard(
      <CustomersTable
        rows={[
          { id: 'cus_1', email: 'jenny@example.com', name: 'Jenny Rosen', created: new Date('2026-03-10T09:00:00Z'), subscriptions: 2 },
          { id: 'cus_2', email: null, name: null, created: new Date('2026-03-09T09:00:00Z'), subscriptions: 0 },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Customers' });
    expect(within(table).getByRole('link', { name: 'jenny@example.com' }).getAttribute('href')).toBe('/dashboard/customers/cus_1');
    expect(within(table).getByRole('link', { name: 'No email' }).getAttribute('href')).toBe('/dashboard/customers/cus_2');
    const [, first] = within(table).getAllByRole('row');
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'jenny@example.com',
      'Jenny Rosen',
      '2',
      'Mar 10, 2026, 9:00 AM',
    ]);
  });

  it('none yet, in French', () => {
    renderDashboard(<CustomersTable rows={[]} />, { locale: 'fr' });
    expect(screen.getByText('Aucun client pour l’instant.')).toBeTruthy();
  });
});

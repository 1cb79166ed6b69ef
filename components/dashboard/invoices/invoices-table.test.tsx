import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { InvoiceSummary } from '@/lib/dashboard/invoice-summary';
import { InvoicesTable } from './invoices-table';
import { InvoiceStatusFilter } from './invoice-status-filter';

const invoice = (over: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  id: 'in_1',
  number: 'ABCD1234-0001',
  status: 'paid',
  customerId: 'cus_1',
  customer: { id: 'cus_1', email: 'jenny@example.com', name: null },
  amountDue: 900,
  amountRemaining: 0,
  currency: 'eur',
  created: new Date('2026-03-10T09:00:00Z'),
  ...over,
});

const rowOf = (text: string) => screen.getAllByRole('row').find((r) => r.textContent.includes(text));

describe('InvoicesTable', () => {
  it('one row per invoice: its number links to it, then customer, amount due, status and creation', () => {
    renderDashboard(
      <InvoicesTable
        caption="Invoices"
        empty="None"
        rows={[
          invoice(),
          invoice({ id: 'in_2', number: null, status: 'draft' }),
          invoice({ id: 'in_3', number: 'ABCD1234-0002', status: 'open', amountRemaining: 400 }),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Invoices' });
    expect(within(table).getByRole('link', { name: 'ABCD1234-0001' }).getAttribute('href')).toBe('/dashboard/invoices/in_1');
    expect(rowOf('ABCD1234-0001')?.textContent).toContain('jenny@example.com');
    expect(rowOf('ABCD1234-0001')?.textContent).toContain('€9.00');
    expect(rowOf('ABCD1234-0001')?.textContent).toContain('Paid');
    // A draft has no number yet; an open invoice partly paid says what is still owed.
    expect(within(table).getByRole('link', { name: 'Draft in_2' }).getAttribute('href')).toBe('/dashboard/invoices/in_2');
    expect(rowOf('ABCD1234-0002')?.textContent).toContain('€4.00 still owed');
    expect(rowOf('ABCD1234-0002')?.textContent).toContain('Open');
  });

  it('in French, without the customer column', () => {
    renderDashboard(<InvoicesTable caption="Factures" empty="Aucune" rows={[invoice({ status: 'void' })]} withCustomer={false} />, {
      locale: 'fr',
    });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Numéro', 'Montant dû', 'Statut', 'Créée le (UTC)']);
    expect(rowOf('ABCD1234-0001')?.textContent).toContain('Annulée');
  });
});

describe('InvoiceStatusFilter', () => {
  it('All, then each status; the chosen one is current', () => {
    renderDashboard(<InvoiceStatusFilter filters={{ status: 'open' }} />);
    const links = within(screen.getByRole('navigation', { name: 'Filter invoices by status' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')])).toEqual([
      ['All', '/dashboard/invoices', null],
      ['Draft', '/dashboard/invoices?status=draft', null],
      ['Open', '/dashboard/invoices?status=open', 'page'],
      ['Paid', '/dashboard/invoices?status=paid', null],
      ['Void', '/dashboard/invoices?status=void', null],
      ['Uncollectible', '/dashboard/invoices?status=uncollectible', null],
    ]);
  });
});

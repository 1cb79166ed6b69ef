import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import { PaymentStatusFilter } from './payment-status-filter';

const tabs = () => within(screen.getByRole('navigation', { name: 'Filter payments by status' })).getAllByRole('link');

describe('PaymentStatusFilter', () => {
  it('one link per status, each starting again from the first page; "All" is current with no filter', () => {
    renderDashboard(<PaymentStatusFilter filters={{ after: 'ch_older' }} />);
    expect(tabs().map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['All', '/dashboard/payments'],
      ['Succeeded', '/dashboard/payments?status=succeeded'],
      ['Refunded', '/dashboard/payments?status=refunded'],
      ['Partially refunded', '/dashboard/payments?status=partially_refunded'],
      ['Disputed', '/dashboard/payments?status=disputed'],
      ['Uncaptured', '/dashboard/payments?status=uncaptured'],
    ]);
    expect(screen.getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');
  });

  it('the chosen status is the current tab, and the customer filter stays on every tab', () => {
    renderDashboard(<PaymentStatusFilter filters={{ status: 'refunded', customer: 'cus_123' }} />);
    const current = tabs().filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.textContent)).toEqual(['Refunded']);
    expect(screen.getByRole('link', { name: 'All' }).getAttribute('href')).toBe('/dashboard/payments?customer=cus_123');
    expect(screen.getByRole('link', { name: 'Disputed' }).getAttribute('href')).toBe(
      '/dashboard/payments?status=disputed&customer=cus_123',
    );
  });

  it('in French', () => {
    renderDashboard(<PaymentStatusFilter filters={{ status: 'partially_refunded' }} />, { locale: 'fr' });
    expect(screen.getByRole('navigation', { name: 'Filtrer les paiements par statut' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Partiellement remboursés' }).getAttribute('aria-current')).toBe('page');
  });
});

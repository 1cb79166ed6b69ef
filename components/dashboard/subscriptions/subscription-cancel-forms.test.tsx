import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { ActionResult } from '@/lib/actions/result';
import type { ConfirmedAction } from '../confirmed-action-form';
import { SubscriptionCancelForms, type CancelAtPeriodEndAction } from './subscription-cancel-forms';

const ok = (): Promise<ActionResult<unknown>> => Promise.resolve({ ok: true, data: undefined });
const PERIOD_END = 'Apr 10, 2026, 9:00 AM';

function renderForms(p: { cancelAtPeriodEnd?: boolean; locale?: 'en' | 'fr'; cancelNow?: ConfirmedAction } = {}) {
  const setCancelAtPeriodEnd = vi.fn<CancelAtPeriodEndAction>(ok);
  const cancelNow = vi.fn<ConfirmedAction>(p.cancelNow ?? ok);
  renderDashboard(
    <SubscriptionCancelForms
      periodEnd={PERIOD_END}
      cancelAtPeriodEnd={p.cancelAtPeriodEnd ?? false}
      setCancelAtPeriodEnd={setCancelAtPeriodEnd}
      cancelNow={cancelNow}
    />,
    { locale: p.locale ?? 'en' },
  );
  return { setCancelAtPeriodEnd, cancelNow };
}

describe('SubscriptionCancelForms', () => {
  it('"Cancel at period end" asks first, naming the date, and sends nothing; confirming sends cancelAtPeriodEnd: true', async () => {
    const { setCancelAtPeriodEnd, cancelNow } = renderForms();
    const form = screen.getByTestId('cancel-at-period-end-form');
    expect(within(form).getByText(`The customer keeps the subscription until ${PERIOD_END} UTC and is not charged again.`)).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel at period end' }));
    const question = await within(form).findByText(`Cancel this subscription on ${PERIOD_END} UTC, at the end of the current period?`);
    // Focus moves to the question, so a screen reader reads it before the buttons.
    expect(document.activeElement).toBe(question);
    expect(setCancelAtPeriodEnd).not.toHaveBeenCalled();
    await userEvent.click(within(form).getByRole('button', { name: 'Yes, cancel at period end' }));
    await waitFor(() => {
      expect(setCancelAtPeriodEnd).toHaveBeenCalledWith({ cancelAtPeriodEnd: true });
    });
    expect(cancelNow).not.toHaveBeenCalled();
  });

  it('"Back" from the question sends nothing and shows the button again', async () => {
    const { setCancelAtPeriodEnd } = renderForms();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel at period end' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: 'Cancel at period end' })).toBeTruthy();
    expect(setCancelAtPeriodEnd).not.toHaveBeenCalled();
  });

  it('once set → says when it ends, and "Don’t cancel" takes it back after a confirmation (cancelAtPeriodEnd: false)', async () => {
    const { setCancelAtPeriodEnd } = renderForms({ cancelAtPeriodEnd: true });
    expect(screen.getByTestId('cancel-scheduled').textContent).toBe(
      `This subscription is set to cancel on ${PERIOD_END} UTC, at the end of the current period.`,
    );
    expect(screen.queryByRole('button', { name: 'Cancel at period end' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Don’t cancel' }));
    await screen.findByText(`Keep this subscription running after ${PERIOD_END} UTC?`);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, keep the subscription' }));
    await waitFor(() => {
      expect(setCancelAtPeriodEnd).toHaveBeenCalledWith({ cancelAtPeriodEnd: false });
    });
  });

  it('"Cancel now" → "Cancel this subscription now? This cannot be undone.", then the action; a refusal is shown as an alert', async () => {
    const refused = (): Promise<ActionResult<unknown>> =>
      Promise.resolve({ ok: false, error: 'not_found', message: 'This subscription no longer exists or has already ended.' });
    const { cancelNow } = renderForms({ cancelNow: refused });
    const form = screen.getByTestId('cancel-now-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel now' }));
    expect(await within(form).findByRole('group', { name: 'Cancel this subscription now? This cannot be undone.' })).toBeTruthy();
    expect(cancelNow).not.toHaveBeenCalled();
    await userEvent.click(within(form).getByRole('button', { name: 'Yes, cancel now' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('This subscription no longer exists or has already ended.');
    expect(cancelNow).toHaveBeenCalledTimes(1);
    expect(within(form).getByRole('button', { name: 'Cancel now' })).toBeTruthy();
  });

  it('in French', async () => {
    renderForms({ locale: 'fr' });
    await userEvent.click(screen.getByRole('button', { name: 'Annuler en fin de période' }));
    expect(await screen.findByText(`Annuler cet abonnement le ${PERIOD_END} UTC, à la fin de la période en cours ?`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Annuler maintenant' })).toBeTruthy();
  });
});

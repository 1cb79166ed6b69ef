import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { ActionResult } from '@/lib/actions/result';
import { RetrySettingsForm, type SaveRetrySettingsAction } from './retry-settings-form';

const ok = (): Promise<ActionResult<unknown>> => Promise.resolve({ ok: true, data: undefined });
const DEFAULTS = { retryDays: '3, 5, 7', afterRetries: 'cancel' as const };

function renderForm(action: SaveRetrySettingsAction = vi.fn<SaveRetrySettingsAction>(ok), locale: 'en' | 'fr' = 'en') {
  renderDashboard(<RetrySettingsForm initial={DEFAULTS} action={action} />, { locale });
  return action;
}

const days = () => screen.getByRole<HTMLInputElement>('textbox', { name: /Retry schedule|Calendrier/ });

describe('RetrySettingsForm', () => {
  it('shows the settings in force; new days and another ending are sent as numbers → "Retry settings saved."', async () => {
    const action = vi.fn<SaveRetrySettingsAction>(ok);
    renderForm(action);
    expect(days().value).toBe('3, 5, 7');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'If every retry fails' }).value).toBe('cancel');
    await userEvent.clear(days());
    await userEvent.type(days(), '2 4, 10');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'If every retry fails' }), 'Mark the subscription unpaid');
    await userEvent.click(screen.getByRole('button', { name: 'Save retry settings' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledWith({ retryDays: [2, 4, 10], afterRetries: 'unpaid' });
    });
    expect(await screen.findByText('Retry settings saved.')).toBeTruthy();
  });

  it.each([
    ['5, 3', 'Put the days in ascending order, each larger than the one before.'],
    ['1, 2, 3, 4, 5', 'Enter at most 4 retries.'],
    ['3, 90', 'Each retry comes 1 to 60 days after the attempt before it.'],
    ['three', 'Enter whole numbers of days separated by commas, such as 3, 5, 7.'],
    ['', 'Enter at least one number of days.'],
  ])('"%s" → "%s" on the field, which reads it with its hint; nothing is sent', async (typed, message) => {
    const action = renderForm();
    await userEvent.clear(days());
    if (typed) await userEvent.type(days(), typed);
    await userEvent.click(screen.getByRole('button', { name: 'Save retry settings' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(days().getAttribute('aria-invalid')).toBe('true');
    expect(days().getAttribute('aria-describedby')).toBe('retry-days-hint retry-days-error');
    expect(action).not.toHaveBeenCalled();
  });

  it('a refusal from the server lands on its field', async () => {
    const refused = (): Promise<ActionResult<unknown>> =>
      Promise.resolve({
        ok: false,
        error: 'invalid_input',
        message: 'Check.',
        fieldErrors: { retryDays: 'Put the days in ascending order.' },
      });
    renderForm(refused);
    await userEvent.click(screen.getByRole('button', { name: 'Save retry settings' }));
    expect(await screen.findByText('Put the days in ascending order.')).toBeTruthy();
  });

  it('in French', async () => {
    renderForm(vi.fn<SaveRetrySettingsAction>(), 'fr');
    expect(screen.getByRole('combobox', { name: 'Si toutes les tentatives échouent' })).toBeTruthy();
    await userEvent.clear(days());
    await userEvent.type(days(), '7, 3');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le calendrier' }));
    expect(await screen.findByText('Rangez les jours en ordre croissant, chacun plus grand que le précédent.')).toBeTruthy();
  });
});

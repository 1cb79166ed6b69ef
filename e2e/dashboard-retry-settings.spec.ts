import { expectAxeClean } from './support/axe';
import { expect, test } from './support/dashboard';

test('the merchant sets failed payments to be retried after 2, 4 and 9 days, then marked unpaid → kept and shown again; a schedule out of order is refused on its field', async ({
  page,
  owner: _signedIn,
}) => {
  await page.goto('/dashboard/settings');
  const form = page.getByTestId('retry-settings-form');
  const days = form.getByRole('textbox', { name: 'Retry schedule (days)' });
  const after = form.getByRole('combobox', { name: 'If every retry fails' });
  await expect(days).toHaveValue('3, 5, 7');
  await expect(after).toHaveValue('cancel');

  await days.fill('9, 4');
  await form.getByRole('button', { name: 'Save retry settings' }).click();
  await expect(form.getByText('Put the days in ascending order, each larger than the one before.')).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);

  await days.fill('2, 4, 9');
  await after.selectOption({ label: 'Mark the subscription unpaid' });
  await form.getByRole('button', { name: 'Save retry settings' }).click();
  await expect(form.getByText('Retry settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('retry-settings-form').getByRole('textbox', { name: 'Retry schedule (days)' })).toHaveValue('2, 4, 9');
  await expect(page.getByTestId('retry-settings-form').getByRole('combobox', { name: 'If every retry fails' })).toHaveValue('unpaid');
});

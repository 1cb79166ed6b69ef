import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';
import { paidSubscription } from './support/paid-session';

/** What the portal says in each language this spec runs in. */
const WORDS = {
  en: {
    heading: /^Billing with /,
    visa: 'Visa ending in 4242',
    makeDefaultMastercard: 'Make Mastercard ending in 4444 the default',
    removeVisa: 'Remove Visa ending in 4242',
    price: /€9\.00 per month/,
    cancel: 'Cancel at period end',
    keep: 'Keep subscription',
    saved: 'Your change has been saved.',
    cancels: /Cancels on/,
    renews: /Renews on/,
    invoices: 'Invoice history',
    back: /^Return to /,
    expired: 'This link has expired',
  },
  fr: {
    heading: /^Facturation avec /,
    visa: 'Visa se terminant par 4242',
    makeDefaultMastercard: 'Définir Mastercard se terminant par 4444 par défaut',
    removeVisa: 'Supprimer Visa se terminant par 4242',
    price: /9,00\s€ par mois/,
    cancel: 'Annuler en fin de période',
    keep: 'Conserver l’abonnement',
    saved: 'Votre modification a été enregistrée.',
    cancels: /Prend fin le/,
    renews: /Se renouvelle le/,
    invoices: 'Historique des factures',
    back: /^Retour à /,
    expired: 'Ce lien a expiré',
  },
} as const;

for (const locale of ['en', 'fr'] as const) {
  const w = WORDS[locale];

  test.describe(`the customer portal (${locale})`, () => {
    // The browser's language: what the expired page speaks (no session names one there).
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    test('a customer makes a new card their default, removes the old one, cancels at period end and changes their mind', async ({
      page,
      merchant,
    }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({
        features: { invoice_history: { enabled: true }, payment_method_update: { enabled: true }, subscription_cancel: { enabled: true } },
      });
      const sub = await paidSubscription(stripe);
      const mastercard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: sub.customerId });
      const session = await stripe.billingPortal.sessions.create({
        customer: sub.customerId,
        locale,
        return_url: 'https://shop.example/account',
      });
      await page.goto(session.url);
      await expect(page.getByRole('heading', { level: 1, name: w.heading })).toBeVisible();
      await expect(page.getByRole('link', { name: w.back })).toHaveAttribute('href', 'https://shop.example/account');
      await expect(page.getByRole('heading', { name: w.invoices })).toBeVisible();
      await expect(page.getByTestId('portal-subscriptions')).toContainText(w.price);
      await expectAxeClean(page);

      await page.getByRole('button', { name: w.makeDefaultMastercard }).click();
      await expect(page.getByTestId('portal-notice')).toHaveText(w.saved);
      await expect(page.getByTestId(`portal-card-${mastercard.id}`).getByTestId('portal-card-default')).toBeVisible();
      const customer = await stripe.customers.retrieve(sub.customerId);
      expect(!customer.deleted && customer.invoice_settings.default_payment_method).toBe(mastercard.id);

      await page.getByRole('button', { name: w.removeVisa }).click();
      await expect(page.getByText(w.visa)).toHaveCount(0);

      await page.getByRole('button', { name: w.cancel }).click();
      await expect(page.getByTestId('portal-subscription-renewal')).toHaveText(w.cancels);
      expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).cancel_at_period_end).toBe(true);
      await page.getByRole('button', { name: w.keep }).click();
      await expect(page.getByTestId('portal-subscription-renewal')).toHaveText(w.renews);
      expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).cancel_at_period_end).toBe(false);
      await expectAxeClean(page);
    });

    test('a portal link with a wrong token → "This link has expired", in the browser’s language', async ({ page, merchant }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({ features: { invoice_history: { enabled: true } } });
      const customer = await stripe.customers.create({ name: 'Jenny Rosen' });
      const { url } = await stripe.billingPortal.sessions.create({ customer: customer.id });
      const response = await page.goto(url.replace(/[A-Za-z0-9]{43}$/, 'B'.repeat(43)));
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.expired);
      await expect(page.getByText('Jenny Rosen')).toHaveCount(0);
      await expectAxeClean(page);
    });
  });
}

import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { expectAxeClean } from './support/axe';
import { futureExpiry, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { paidSubscription } from './support/paid-session';
import { previewSwitch, switchableSubscription } from './support/portal-configurations';

/** What the portal says in each language this spec runs in. */
const WORDS = {
  en: {
    heading: /^Billing with /,
    visa: 'Visa ending in 4242',
    addCard: 'Add a card',
    cardAdded: 'Your card has been added. It now pays your subscriptions and invoices.',
    saveCard: /^Save/,
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
    switchToUpgrade: /^Switch to Pro plan, €19\.00 per month$/,
    confirmSwitchTitle: 'Confirm your new plan',
    dueToday: 'Amount due today',
    confirmSwitch: 'Confirm the change',
    upgradedPrice: /€19\.00 per month/,
    cancelNow: 'Cancel subscription',
    cancelTitle: 'Cancel your subscription',
    tooExpensive: 'It’s too expensive',
    cancelNowButton: 'Cancel now',
    noSubscriptions: 'No current subscriptions.',
    downloadPdf: /^Download PDF /,
    name: 'Name',
    line1: 'Address line 1',
    city: 'City',
    postal: 'Postal code',
    country: 'Country or region',
    saveContact: 'Save details',
    flowMessage: 'Sorry to see you go. Your plan stays active until the end of the period.',
  },
  fr: {
    heading: /^Facturation avec /,
    visa: 'Visa se terminant par 4242',
    addCard: 'Ajouter une carte',
    cardAdded: 'Votre carte a été ajoutée. Elle règle désormais vos abonnements et vos factures.',
    saveCard: /^Enregistrer/,
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
    switchToUpgrade: /^Passer à Pro plan, 19,00\s€ par mois$/,
    confirmSwitchTitle: 'Confirmez votre nouvelle formule',
    dueToday: 'Montant dû aujourd’hui',
    confirmSwitch: 'Confirmer le changement',
    upgradedPrice: /19,00\s€ par mois/,
    cancelNow: 'Résilier l’abonnement',
    cancelTitle: 'Résilier votre abonnement',
    tooExpensive: 'C’est trop cher',
    cancelNowButton: 'Résilier maintenant',
    noSubscriptions: 'Aucun abonnement en cours.',
    downloadPdf: /^Télécharger le PDF /,
    name: 'Nom',
    line1: 'Ligne d’adresse 1',
    city: 'Ville',
    postal: 'Code postal',
    country: 'Pays ou région',
    saveContact: 'Enregistrer',
    flowMessage: 'Dommage de vous voir partir. Votre formule reste active jusqu’à la fin de la période.',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

/**
 * Switches the portal's subscription to its €19.00 price (switchableSubscription, always_invoice): the
 * confirmation's amount is what invoices.createPreview answers for the same change at the same proration
 * date, shown as money in the page's language; confirming changes the subscription's price.
 */
async function switchPlan(page: Page, stripe: Stripe, locale: 'en' | 'fr', axe: boolean) {
  const w: Words = WORDS[locale];
  const s = await switchableSubscription(stripe, 'always_invoice');
  const session = await stripe.billingPortal.sessions.create({ customer: s.customerId, locale });
  await page.goto(session.url);
  await page.getByRole('link', { name: w.switchToUpgrade }).click();
  await expect(page.getByRole('heading', { name: w.confirmSwitchTitle })).toBeVisible();
  await expect(page.getByText(w.dueToday)).toBeVisible();
  const prorationDate = Number(await page.locator('input[name="proration_date"]').inputValue());
  const preview = await previewSwitch(stripe, { ...s, price: s.upgrade, prorationBehavior: 'always_invoice', prorationDate });
  expect(preview.amount_due).toBeGreaterThan(0);
  const amount = page.getByTestId('portal-switch-amount');
  await expect(amount).toHaveAttribute('data-amount', String(preview.amount_due));
  await expect(amount).toHaveText(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(preview.amount_due / 100));
  if (axe) await expectAxeClean(page);
  await page.getByRole('button', { name: w.confirmSwitch }).click();
  await expect(page.getByTestId('portal-notice')).toHaveText(w.saved);
  await expect(page.getByTestId('portal-subscription-price')).toHaveText(w.upgradedPrice);
  const switched = await stripe.subscriptions.retrieve(s.subscriptionId);
  expect(switched.items.data.map((i) => i.price.id)).toEqual([s.upgrade]);
}

for (const locale of ['en', 'fr'] as const) {
  const w = WORDS[locale];

  test.describe(`the customer portal (${locale})`, () => {
    // The browser's language: what the expired page speaks (no session names one there).
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    test('a customer adds a new card (it becomes the default), removes the old one, cancels at period end and changes their mind', async ({
      page,
      merchant,
    }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({
        features: { invoice_history: { enabled: true }, payment_method_update: { enabled: true }, subscription_cancel: { enabled: true } },
      });
      const sub = await paidSubscription(stripe);
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

      // "Add a card": a setup-mode checkout page in the portal's language, then back to the portal.
      await page.getByRole('button', { name: w.addCard }).click();
      await page.waitForURL(/\/c\/cs_/);
      await untilInteractive(page);
      await page.locator('[name="card.number"]').fill('5555 5555 5555 4444');
      await page.locator('[name="card.expiry"]').fill(futureExpiry());
      await page.locator('[name="card.cvc"]').fill('123');
      await page.locator('[name="card.name"]').fill('Jenny Rosen');
      await page.locator('[name="billing.country"]').selectOption('FR');
      await page.locator('[name="billing.postal_code"]').fill('75001');
      await expect(page.getByTestId('pay-button')).toHaveText(w.saveCard);
      await page.getByTestId('pay-button').click();
      await expect(page.getByTestId('portal-notice')).toHaveText(w.cardAdded, { timeout: 30_000 });
      const cards = await stripe.customers.listPaymentMethods(sub.customerId);
      const mastercard = cards.data.find((m) => m.card?.last4 === '4444');
      expect(mastercard).toBeDefined();
      await expect(page.getByTestId(`portal-card-${mastercard?.id}`).getByTestId('portal-card-default')).toBeVisible();
      const customer = await stripe.customers.retrieve(sub.customerId);
      expect(!customer.deleted && customer.invoice_settings.default_payment_method).toBe(mastercard?.id);
      expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).default_payment_method).toBe(mastercard?.id);

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

    test('a customer switches plan: the confirmation shows invoices.createPreview’s amount, and confirming changes the price', async ({
      page,
      merchant,
    }) => {
      await switchPlan(page, merchant.stripe, locale, true);
      await expectAxeClean(page);
    });

    test('a customer cancels now and says why: the subscription ends with that feedback', async ({ page, merchant }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({
        features: {
          subscription_cancel: {
            enabled: true,
            mode: 'immediately',
            cancellation_reason: { enabled: true, options: ['too_expensive', 'missing_features', 'other'] },
          },
        },
      });
      const sub = await paidSubscription(stripe);
      const session = await stripe.billingPortal.sessions.create({ customer: sub.customerId, locale });
      await page.goto(session.url);
      await page.getByRole('link', { name: w.cancelNow }).click();
      await expect(page.getByRole('heading', { name: w.cancelTitle })).toBeVisible();
      await page.getByRole('radio', { name: w.tooExpensive }).check();
      await expectAxeClean(page);
      await page.getByRole('button', { name: w.cancelNowButton }).click();
      await expect(page.getByTestId('portal-notice')).toHaveText(w.saved);
      await expect(page.getByText(w.noSubscriptions)).toBeVisible();
      const canceled = await stripe.subscriptions.retrieve(sub.subscriptionId);
      expect(canceled.status).toBe('canceled');
      expect(canceled.cancellation_details?.feedback).toBe('too_expensive');
      await expectAxeClean(page);
    });

    test('a cancel flow (flow_data) opens on its subscription alone and ends on the merchant’s confirmation message', async ({
      page,
      merchant,
    }) => {
      const { stripe } = merchant;
      const configuration = await stripe.billingPortal.configurations.create({
        features: { invoice_history: { enabled: true }, subscription_cancel: { enabled: true } },
      });
      const sub = await paidSubscription(stripe);
      const session = await stripe.billingPortal.sessions.create({
        customer: sub.customerId,
        configuration: configuration.id,
        locale,
        flow_data: {
          type: 'subscription_cancel',
          subscription_cancel: { subscription: sub.subscriptionId },
          after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: w.flowMessage } },
        },
      });
      await page.goto(session.url);
      await expect(page.getByTestId(`portal-subscription-${sub.subscriptionId}`)).toContainText(w.price);
      await expect(page.getByRole('heading', { name: w.invoices })).toHaveCount(0);
      await expectAxeClean(page);
      await page.getByRole('button', { name: w.cancel }).click();
      await expect(page.getByTestId('portal-flow-confirmation')).toHaveText(w.flowMessage);
      await expect(page.getByTestId('portal-subscriptions')).toHaveCount(0);
      expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).cancel_at_period_end).toBe(true);
      await expectAxeClean(page);
    });

    test('a customer downloads an invoice’s PDF from the invoice history', async ({ page, merchant }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({ features: { invoice_history: { enabled: true } } });
      const sub = await paidSubscription(stripe);
      const session = await stripe.billingPortal.sessions.create({ customer: sub.customerId, locale });
      await page.goto(session.url);
      const link = page.getByTestId(`portal-invoice-${sub.invoiceId}`).getByRole('link', { name: w.downloadPdf });
      const href = await link.getAttribute('href');
      expect(href).toContain(`/i/${sub.invoiceId}/`);
      const response = await page.request.get(href ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    test('a customer updates their name and billing address (customer_update)', async ({ page, merchant }) => {
      const { stripe } = merchant;
      await stripe.billingPortal.configurations.create({
        features: { customer_update: { enabled: true, allowed_updates: ['name', 'address'] }, invoice_history: { enabled: true } },
      });
      const customer = await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny@example.com' });
      const session = await stripe.billingPortal.sessions.create({ customer: customer.id, locale });
      await page.goto(session.url);
      const contact = page.getByTestId('portal-contact');
      await expect(contact.getByLabel(w.name, { exact: true })).toHaveValue('Jenny Rosen');
      await contact.getByLabel(w.name, { exact: true }).fill('Jenny Rosen-Martin');
      await contact.getByLabel(w.line1).fill('12 rue de Rivoli');
      await contact.getByLabel(w.city).fill('Paris');
      await contact.getByLabel(w.postal).fill('75001');
      await contact.getByLabel(w.country).selectOption('FR');
      await expectAxeClean(page);
      await contact.getByRole('button', { name: w.saveContact }).click();
      await expect(page.getByTestId('portal-notice')).toHaveText(w.saved);
      await expect(page.getByTestId('portal-contact').getByLabel(w.city)).toHaveValue('Paris');
      const after = await stripe.customers.retrieve(customer.id);
      expect(after).toMatchObject({
        name: 'Jenny Rosen-Martin',
        email: 'jenny@example.com',
        address: { line1: '12 rue de Rivoli', city: 'Paris', country: 'FR' },
      });
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

test.describe('the customer portal without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a customer switches plan with plain links and form posts', async ({ page, merchant }) => {
    await switchPlan(page, merchant.stripe, 'en', false);
  });
});

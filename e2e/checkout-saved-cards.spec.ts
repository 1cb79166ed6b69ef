import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { futureExpiry, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

/** What the page says in each language this spec runs in. */
const WORDS = {
  en: {
    pay: 'Pay €25.00',
    savedVisa: /Visa ending in 4242/,
    number: 'Card number',
    expiry: 'Expiration date',
    holder: 'Cardholder name',
    billing: 'Billing address',
    country: 'Country or region',
    postal: 'Postal code',
    save: 'Save my payment details for future purchases',
    removeMastercard: 'Remove Mastercard ending in 4444',
  },
  fr: {
    pay: 'Payer 25,00 €',
    savedVisa: /Visa se terminant par 4242/,
    number: 'Numéro de carte',
    expiry: 'Date d’expiration',
    holder: 'Nom du titulaire de la carte',
    billing: 'Adresse de facturation',
    country: 'Pays ou région',
    postal: 'Code postal',
    save: 'Enregistrer mes informations de paiement pour mes prochains achats',
    removeMastercard: 'Supprimer Mastercard se terminant par 4444',
  },
} as const;

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, nodes: v.nodes.length }));
}

for (const locale of ['en', 'fr'] as const) {
  const w = WORDS[locale];

  test.describe(`saved cards on the page (${locale})`, () => {
    test('a returning customer pays with their saved card in one click', async ({ page, merchant, shop, createSession }) => {
      const customer = await merchant.stripe.customers.create({ email: 'jenny@example.com' });
      const pm = await merchant.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
      await merchant.stripe.paymentMethods.update(pm.id, { allow_redisplay: 'always' });
      const session = await createSession({ customer: customer.id, locale });
      await page.goto(defined(session.url, 'session.url'));
      await expect(page.getByRole('radio', { name: w.savedVisa })).toBeChecked();
      // What a new card needs is out of the way while a saved card is chosen.
      await expect(page.getByLabel(w.number)).toBeHidden();
      expect(await seriousViolations(page)).toEqual([]);
      await untilInteractive(page);
      await page.getByRole('button', { name: w.pay }).click();
      await expect(page).toHaveURL(shop.successUrlFor(session.id), { timeout: 60_000 });
      const paid = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
      expect(paid.status).toBe('complete');
      expect((paid.payment_intent as Stripe.PaymentIntent).payment_method).toBe(pm.id);
    });

    test('a card saved on the page ("save for future purchases") is offered on the next one, and removed from there', async ({
      page,
      merchant,
      shop,
      createSession,
    }) => {
      const customer = await merchant.stripe.customers.create({ email: 'jenny@example.com' });
      const options = { saved_payment_method_options: { payment_method_save: 'enabled', payment_method_remove: 'enabled' } } as const;
      const first = await createSession({ customer: customer.id, locale, ...options });
      await page.goto(defined(first.url, 'session.url'));
      await untilInteractive(page);
      await page.getByLabel(w.number).fill('5555 5555 5555 4444');
      await page.getByLabel(w.expiry).fill(futureExpiry());
      await page.getByLabel('CVC', { exact: true }).fill('123');
      await page.getByLabel(w.holder).fill('Jenny Rosen');
      const billing = page.getByRole('group', { name: w.billing });
      await billing.getByLabel(w.country).selectOption('FR');
      await billing.getByLabel(w.postal).fill('75001');
      await page.getByRole('checkbox', { name: w.save }).check();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: w.pay }).click();
      await expect(page).toHaveURL(shop.successUrlFor(first.id), { timeout: 60_000 });
      const [saved] = (await merchant.stripe.customers.listPaymentMethods(customer.id)).data;
      expect(saved).toMatchObject({ allow_redisplay: 'always', card: { last4: '4444' } });

      const next = await createSession({ customer: customer.id, locale, ...options });
      await page.goto(defined(next.url, 'session.url'));
      await untilInteractive(page);
      await page.getByRole('button', { name: w.removeMastercard }).click();
      await expect(page.getByTestId(`saved-card-${saved.id}`)).toHaveCount(0);
      expect((await merchant.stripe.paymentMethods.retrieve(saved.id)).customer).toBeNull();
      // The page asks for a card again, and takes one.
      await page.getByLabel(w.number).fill('4242 4242 4242 4242');
      await page.getByLabel(w.expiry).fill(futureExpiry());
      await page.getByLabel('CVC', { exact: true }).fill('123');
      await page.getByLabel(w.holder).fill('Jenny Rosen');
      await page.getByRole('group', { name: w.billing }).getByLabel(w.country).selectOption('FR');
      await page.getByRole('group', { name: w.billing }).getByLabel(w.postal).fill('75001');
      await page.getByRole('button', { name: w.pay }).click();
      await expect(page).toHaveURL(shop.successUrlFor(next.id), { timeout: 60_000 });
    });
  });
}

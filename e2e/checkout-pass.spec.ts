import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { oneTimePrice } from './support/catalog';
import { expectAxeClean } from './support/axe';
import { futureExpiry, untilInteractive } from './support/checkout-page';
import { defined } from './support/defined';
import { expect, test } from './support/mail';
import { newMerchantOn } from './support/merchant';

/** What the page says in each language this spec runs in. */
const WORDS = {
  en: {
    pay: 'Pay €25.00',
    email: 'Email',
    passEmail: 'Caisse Pass email',
    sendCode: 'Send me a code',
    code: 'Six-digit code',
    signIn: 'Sign in',
    signedIn: (email: string) => `Signed in to Caisse Pass as ${email}.`,
    savedVisa: /Visa ending in 4242/,
    optIn: /Save my details for one-click checkout with Caisse Pass/,
    phone: 'Mobile number for Caisse Pass',
    number: 'Card number',
    expiry: 'Expiration date',
    holder: 'Cardholder name',
    shipping: 'Shipping address',
    billing: 'Billing address',
    sameAsShipping: 'Billing address is same as shipping',
    name: 'Full name',
    line1: 'Address line 1',
    city: 'City',
    postal: 'Postal code',
    country: 'Country or region',
    locked: /Too many wrong codes/,
    wrong: /This code is not right or has expired\./,
  },
  fr: {
    pay: 'Payer 25,00 €',
    email: 'E-mail',
    passEmail: 'E-mail Caisse Pass',
    sendCode: 'Recevoir un code',
    code: 'Code à six chiffres',
    signIn: 'Se connecter',
    signedIn: (email: string) => `Connecté à Caisse Pass en tant que ${email}.`,
    savedVisa: /Visa se terminant par 4242/,
    optIn: /Enregistrer mes informations pour payer en un clic avec Caisse Pass/,
    phone: 'Numéro de mobile pour Caisse Pass',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration',
    holder: 'Nom du titulaire de la carte',
    shipping: 'Adresse de livraison',
    billing: 'Adresse de facturation',
    sameAsShipping: 'L’adresse de facturation est identique à l’adresse de livraison',
    name: 'Nom complet',
    line1: 'Ligne d’adresse 1',
    city: 'Ville',
    postal: 'Code postal',
    country: 'Pays ou région',
    locked: /Trop de codes incorrects/,
    wrong: /Ce code est incorrect ou a expiré\./,
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

/** A €25.00 payment session of `stripe`'s merchant that ships to France, in `locale`. */
async function passSession(stripe: Stripe, successUrl: string, locale: 'en' | 'fr') {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: successUrl,
    locale,
    shipping_address_collection: { allowed_countries: ['FR'] },
  });
}

type Person = { email: string; name: string; line1: string; phone: string };

/** Pays the session at `url` with 4242, shipping to Paris, and "save my details with Caisse Pass" ticked. */
async function payAndJoin(page: Page, w: Words, url: string, who: Person) {
  await page.goto(url);
  await untilInteractive(page);
  await page.getByLabel(w.email, { exact: true }).fill(who.email);
  const shipping = page.getByRole('group', { name: w.shipping });
  await shipping.getByLabel(w.country).selectOption('FR');
  await shipping.getByLabel(w.name).fill(who.name);
  await shipping.getByLabel(w.line1).fill(who.line1);
  await shipping.getByLabel(w.city).fill('Paris');
  await shipping.getByLabel(w.postal).fill('75001');
  await page.getByLabel(w.number).fill('4242 4242 4242 4242');
  await page.getByLabel(w.expiry).fill(futureExpiry());
  await page.getByLabel('CVC', { exact: true }).fill('123');
  await page.getByLabel(w.holder).fill(who.name);
  // One address: billing is the shipping one unless the customer unticks the box.
  await expect(page.getByRole('checkbox', { name: w.sameAsShipping })).toBeChecked();
  await expect(page.getByRole('group', { name: w.billing })).toBeHidden();
  // The phone is asked only once the box is ticked.
  await expect(page.getByLabel(w.phone)).toBeHidden();
  await page.getByRole('checkbox', { name: w.optIn }).check();
  await page.getByLabel(w.phone).fill(who.phone);
  await expectAxeClean(page);
  await page.getByRole('button', { name: w.pay }).click();
}

/** On a Pass-less browser: the Pass panel's email, then "send me a code". */
async function askForCode(page: Page, w: Words, email: string) {
  const pass = page.getByRole('region', { name: 'Caisse Pass' });
  await pass.getByLabel(w.passEmail).fill(email);
  await pass.getByRole('button', { name: w.sendCode }).click();
  await expect(pass.getByLabel(w.code)).toBeVisible();
  return pass;
}

for (const locale of ['en', 'fr'] as const) {
  const w = WORDS[locale];

  test.describe(`Caisse Pass (${locale})`, () => {
    test('joined on merchant A, signed in on merchant B with the emailed code, prefilled and paid in one click; B sees only its session', async ({
      page,
      merchant,
      shop,
      mailServer,
      inbox,
    }) => {
      const email = `pass-${locale}-${Date.now()}@example.com`;
      // Merchant A: a new card, shipping address, and "save my details with Caisse Pass".
      const first = await passSession(merchant.stripe, shop.successUrl, locale);
      await payAndJoin(page, w, defined(first.url, 'session.url'), {
        email,
        name: 'Jenny Rosen',
        line1: '12 rue de Rivoli',
        phone: '+33 6 12 34 56 78',
      });
      await expect(page).toHaveURL(shop.successUrlFor(first.id), { timeout: 60_000 });

      // Merchant B, on the same Caisse: the code comes by email, and the page fills itself in.
      const b = await newMerchantOn(mailServer.server, 'Shop B');
      const second = await passSession(b.stripe, shop.successUrl, locale);
      await page.goto(defined(second.url, 'session.url'));
      await untilInteractive(page);
      const pass = await askForCode(page, w, email);
      const mail = await inbox.message(email, /Caisse Pass/);
      const code = defined(/\b\d{6}\b/.exec(mail.text)?.[0], 'the code in the email');
      expect(mail.text).toContain('/pass/pass_');
      await pass.getByLabel(w.code).fill(code);
      await pass.getByRole('button', { name: w.signIn }).click();
      await expect(page.getByTestId('pass-signed-in')).toContainText(w.signedIn(email), { timeout: 30_000 });
      await expect(page.getByRole('radio', { name: w.savedVisa })).toBeChecked();
      await expect(page.getByLabel(w.email, { exact: true })).toHaveValue(email);
      const prefilled = page.getByRole('group', { name: w.shipping });
      await expect(prefilled.getByLabel(w.line1)).toHaveValue('12 rue de Rivoli');
      await expect(prefilled.getByLabel(w.city)).toHaveValue('Paris');
      await expect(page.getByLabel(w.number)).toBeHidden();
      await expectAxeClean(page);
      await untilInteractive(page);
      await page.getByRole('button', { name: w.pay }).click();
      await expect(page).toHaveURL(shop.successUrlFor(second.id), { timeout: 60_000 });

      const paid = await b.stripe.checkout.sessions.retrieve(second.id, { expand: ['payment_intent.payment_method'] });
      expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', customer_details: { email } });
      expect(paid.collected_information?.shipping_details?.address).toMatchObject({ line1: '12 rue de Rivoli', city: 'Paris' });
      const method = (paid.payment_intent as Stripe.PaymentIntent).payment_method as Stripe.PaymentMethod;
      expect(method.card).toMatchObject({ brand: 'visa', last4: '4242' });
      expect(method.customer).toBeNull();
      // B made no customer of its own and sees none of A's.
      expect((await b.stripe.customers.list()).data).toEqual([]);
      // A's payment is A's: B cannot read it.
      await expect(b.stripe.checkout.sessions.retrieve(first.id)).rejects.toMatchObject({ statusCode: 404 });
    });

    test('a wrong code five times locks the Pass: the code form is gone and asking again is refused', async ({
      page,
      merchant,
      shop,
      inbox,
    }) => {
      const email = `locked-${locale}-${Date.now()}@example.com`;
      const first = await passSession(merchant.stripe, shop.successUrl, locale);
      await payAndJoin(page, w, defined(first.url, 'session.url'), {
        email,
        name: 'Ada Lovelace',
        line1: '1 place du Louvre',
        phone: '+33 6 98 76 54 32',
      });
      await expect(page).toHaveURL(shop.successUrlFor(first.id), { timeout: 60_000 });

      const second = await passSession(merchant.stripe, shop.successUrl, locale);
      await page.goto(defined(second.url, 'session.url'));
      await untilInteractive(page);
      const pass = await askForCode(page, w, email);
      const code = defined(/\b\d{6}\b/.exec((await inbox.message(email, /Caisse Pass/)).text)?.[0], 'the code');
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 5; i++) {
        await pass.getByLabel(w.code).fill(wrong);
        await pass.getByRole('button', { name: w.signIn }).click();
        if (i === 0) await expect(pass.getByRole('alert')).toHaveText(w.wrong);
        if (i < 4) await expect(pass.getByLabel(w.code)).toBeVisible();
      }
      await expect(pass.getByRole('alert')).toHaveText(w.locked);
      await expectAxeClean(page);
      // Locked: the code form is gone; on a fresh page, asking again is refused (and sends nothing) until the lock ends.
      await expect(pass.getByLabel(w.code)).toHaveCount(0);
      const sent = inbox.all(email).length;
      await page.goto(defined(second.url, 'session.url'));
      await untilInteractive(page);
      const fresh = page.getByRole('region', { name: 'Caisse Pass' });
      await expect(fresh.getByRole('alert')).toHaveCount(0);
      await fresh.getByLabel(w.passEmail).fill(email);
      await fresh.getByRole('button', { name: w.sendCode }).click();
      await expect(fresh.getByRole('alert')).toHaveText(w.locked);
      await expect(fresh.getByLabel(w.code)).toHaveCount(0);
      expect(inbox.all(email)).toHaveLength(sent);
      await expect(page.getByTestId('pass-signed-in')).toHaveCount(0);
    });
  });
}

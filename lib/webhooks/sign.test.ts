import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { randomBase62 } from '@/lib/util/ids';
import { activeSecrets, signatureHeaders, standardWebhooksKey, stripeSignatureHeader } from './sign';

// The official verifiers are the oracle: whatever they accept, receivers accept.
const stripe = new Stripe('sk_test_x');
const body = JSON.stringify({ id: 'evt_123', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_test_1' } } });
const nowUnix = () => Math.floor(Date.now() / 1000);
const newSecret = () => `whsec_${randomBase62(32)}`;

describe('Stripe-Signature', () => {
  it('a receiver using stripe.webhooks.constructEvent with the endpoint secret → accepts the event', () => {
    const secret = newSecret();
    const header = stripeSignatureHeader(body, [secret], nowUnix());
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(stripe.webhooks.constructEvent(body, header, secret).id).toBe('evt_123');
  });

  it('a body changed in transit, a wrong secret or a stale timestamp → constructEvent refuses', () => {
    const secret = newSecret();
    const header = stripeSignatureHeader(body, [secret], nowUnix());
    expect(() => stripe.webhooks.constructEvent(body.replace('cs_test_1', 'cs_test_2'), header, secret)).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(body, header, newSecret())).toThrow(/signature/i);
    const old = stripeSignatureHeader(body, [secret], nowUnix() - 301);
    expect(() => stripe.webhooks.constructEvent(body, old, secret)).toThrow(/tolerance/i);
  });

  it('during a secret roll → one v1 per secret, and receivers on either secret accept', () => {
    const current = newSecret();
    const previous = newSecret();
    const now = new Date();
    const secrets = activeSecrets(
      { secret: current, previousSecret: previous, previousSecretExpiresAt: new Date(now.getTime() + 3600_000) },
      now,
    );
    expect(secrets).toEqual([current, previous]);
    const header = stripeSignatureHeader(body, secrets, nowUnix());
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(stripe.webhooks.constructEvent(body, header, current).id).toBe('evt_123');
    expect(stripe.webhooks.constructEvent(body, header, previous).id).toBe('evt_123');
  });

  it('after the previous secret expires → only the current one signs', () => {
    const current = newSecret();
    const previous = newSecret();
    const now = new Date();
    const secrets = activeSecrets({ secret: current, previousSecret: previous, previousSecretExpiresAt: new Date(now.getTime() - 1) }, now);
    expect(secrets).toEqual([current]);
    const header = stripeSignatureHeader(body, secrets, nowUnix());
    expect(() => stripe.webhooks.constructEvent(body, header, previous)).toThrow(/signature/i);
    expect(activeSecrets({ secret: current, previousSecret: null, previousSecretExpiresAt: null }, now)).toEqual([current]);
  });
});

describe('Standard Webhooks', () => {
  it('a receiver using new Webhook(secret).verify with the same whsec_ secret → accepts the event', () => {
    const secret = newSecret();
    const headers = signatureHeaders({ eventId: 'evt_123', body, secrets: [secret], timestamp: nowUnix() });
    expect(headers['webhook-id']).toBe('evt_123');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ id: 'evt_123' });
  });

  it('the key is the base64 decoding of the secret after whsec_ (32 base62 chars → 24 bytes)', () => {
    const secret = 'whsec_' + 'A'.repeat(31) + 'B';
    expect(standardWebhooksKey(secret)).toEqual(Buffer.from('A'.repeat(31) + 'B', 'base64'));
    expect(standardWebhooksKey(newSecret())).toHaveLength(24);
  });

  it('a wrong secret, another event id or a changed body → verify refuses', () => {
    const secret = newSecret();
    const headers = signatureHeaders({ eventId: 'evt_123', body, secrets: [secret], timestamp: nowUnix() });
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(/signature/i);
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'evt_999' })).toThrow(/signature/i);
    expect(() => new Webhook(secret).verify(body + ' ', headers)).toThrow(/signature/i);
  });

  it('during a secret roll → space-separated signatures, either secret verifies', () => {
    const current = newSecret();
    const previous = newSecret();
    const headers = signatureHeaders({ eventId: 'evt_123', body, secrets: [current, previous], timestamp: nowUnix() });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toMatchObject({ id: 'evt_123' });
    expect(new Webhook(previous).verify(body, headers)).toMatchObject({ id: 'evt_123' });
  });

  it('whsec_ + base62 of any length the library accepts → our key is the library key', () => {
    const base62 = fc.stringMatching(/^[0-9A-Za-z]{4,64}$/);
    fc.assert(
      fc.property(base62, (b) => {
        const secret = `whsec_${b}`;
        const headers = signatureHeaders({ eventId: 'evt_1', body, secrets: [secret], timestamp: nowUnix() });
        expect(new Webhook(secret).verify(body, headers)).toMatchObject({ id: 'evt_123' });
      }),
    );
  });

  it.each(['whsec_not-base64_at-all', 'whsec_abc'])(
    'a secret the library cannot decode (%s) → no Standard Webhooks signature, the Stripe one still sent',
    (secret) => {
      expect(() => new Webhook(secret)).toThrow();
      const headers = signatureHeaders({ eventId: 'evt_1', body, secrets: [secret], timestamp: nowUnix() });
      expect(headers['webhook-signature']).toBeUndefined();
      expect(headers['stripe-signature']).toMatch(/^t=\d+,v1=/);
    },
  );
});

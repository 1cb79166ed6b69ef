import { describe, expect, it } from 'vitest';
import { completionUrl } from './confirm-config';

const session = (successUrl: string | null, returnUrl: string | null = null) => ({ id: 'cs_test_a1', successUrl, returnUrl });

describe('completionUrl', () => {
  it('fills in the session id, keeping the URL as the merchant wrote it', () => {
    expect(completionUrl(session('https://shop.example/ok?id={CHECKOUT_SESSION_ID}'))).toBe('https://shop.example/ok?id=cs_test_a1');
    expect(completionUrl(session(null, 'https://shop.example/back/{CHECKOUT_SESSION_ID}'))).toBe('https://shop.example/back/cs_test_a1');
  });

  it('percent-encodes characters a Location header cannot carry', () => {
    expect(completionUrl(session('https://shop.example/merci/成功'))).toBe('https://shop.example/merci/%E6%88%90%E5%8A%9F');
  });

  it('gives no redirect for a stored URL with a CR/LF (the page shows the paid state instead of failing)', () => {
    expect(completionUrl(session('https://shop.example/ok\r\nSet-Cookie: a=b'))).toBeNull();
    expect(completionUrl(session('not a url'))).toBeNull();
    expect(completionUrl(session(null))).toBeNull();
  });
});

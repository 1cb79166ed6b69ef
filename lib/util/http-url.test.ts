import { describe, expect, it } from 'vitest';
import { isHttpUrlTemplate, parseHttpUrl, redirectableUrl } from './http-url';

describe('parseHttpUrl', () => {
  it.each([
    'https://shop.example/success',
    'http://localhost:3000/x?y=1#z',
    'https://shop.example',
    'https://xn--bcher-kva.example/ü?q=é',
    'HTTPS://SHOP.EXAMPLE/',
  ])('accepts %j', (value) => {
    expect(parseHttpUrl(value)).toBeInstanceOf(URL);
  });

  it.each([
    ['CR/LF', 'https://shop.example/ok\r\nSet-Cookie: a=b'],
    ['a lone LF', 'https://shop.example/\n'],
    ['a tab', 'https://shop.example/\tx'],
    ['a NUL', 'https://shop.example/\u0000'],
    ['DEL', 'https://shop.example/\u007f'],
    ['a C1 control', 'https://shop.example/\u0085'],
    ['a line separator', 'https://shop.example/\u2028'],
    ['a space', 'https://shop.example/a b'],
    ['a leading space', ' https://shop.example/'],
    ['no scheme', 'shop.example/success'],
    ['a relative path', '/success'],
    ['another scheme', 'javascript:alert(1)'],
    ['ftp', 'ftp://shop.example/'],
    ['no slashes', 'https:shop.example'],
    ['no host', 'https://'],
    ['junk', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_, value) => {
    expect(parseHttpUrl(value)).toBeNull();
  });
});

describe('isHttpUrlTemplate', () => {
  it('takes {CHECKOUT_SESSION_ID} as a value, and nothing else that is not a URL', () => {
    expect(isHttpUrlTemplate('https://shop.example/done?id={CHECKOUT_SESSION_ID}')).toBe(true);
    expect(isHttpUrlTemplate('https://shop.example/done?id={CHECKOUT_SESSION_ID}\r\n')).toBe(false);
  });
});

describe('redirectableUrl', () => {
  it('keeps a plain URL exactly as written', () => {
    expect(redirectableUrl('https://shop.example/success?session_id=cs_test_1')).toBe('https://shop.example/success?session_id=cs_test_1');
  });

  it('percent-encodes what a header cannot carry', () => {
    expect(redirectableUrl('https://shop.example/成功?q=é')).toBe('https://shop.example/%E6%88%90%E5%8A%9F?q=%C3%A9');
  });

  it('refuses a stored URL with a CR/LF instead of sending it', () => {
    expect(redirectableUrl('https://shop.example/\r\nLocation: https://evil.example')).toBeNull();
  });
});

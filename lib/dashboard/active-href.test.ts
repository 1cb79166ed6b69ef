import { describe, expect, it } from 'vitest';
import { activeHref } from './active-href';

const TABS = [
  { href: '/dashboard/catalog', also: ['/dashboard/catalog/products'] },
  { href: '/dashboard/catalog/coupons' },
  { href: '/dashboard/developers/webhooks', also: ['/dashboard/developers/deliveries'] },
];

describe('activeHref', () => {
  it('takes the longest matching prefix, whole path segments only', () => {
    expect(activeHref('/dashboard/catalog', TABS)).toBe('/dashboard/catalog');
    expect(activeHref('/dashboard/catalog/coupons/co_1', TABS)).toBe('/dashboard/catalog/coupons');
    expect(activeHref('/dashboard/catalog/couponsx', TABS)).toBe('/dashboard/catalog');
  });

  it('counts the other paths a link owns', () => {
    expect(activeHref('/dashboard/catalog/products/new', TABS)).toBe('/dashboard/catalog');
    expect(activeHref('/dashboard/developers/deliveries/whd_1', TABS)).toBe('/dashboard/developers/webhooks');
  });

  it('finds none outside every link', () => {
    expect(activeHref('/dashboard/settings', TABS)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { dashboardLocale } from './dashboard';

describe('dashboardLocale', () => {
  it('takes a chosen language first', () => {
    expect(dashboardLocale('fr', 'en-US,en;q=0.9')).toBe('fr');
  });

  it('takes the browser’s best language the dashboard speaks, skipping those it does not', () => {
    expect(dashboardLocale(undefined, 'fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(dashboardLocale(undefined, 'de-DE,de;q=0.9,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(dashboardLocale(undefined, 'de-DE,de;q=0.9')).toBe('en');
    // A regional variant the checkout ships (fr-CA, en-GB) is its language here.
    expect(dashboardLocale(undefined, 'fr-CA')).toBe('fr');
    expect(dashboardLocale(undefined, 'en-GB,de;q=0.5')).toBe('en');
  });

  it('ignores an unknown cookie and an empty header', () => {
    expect(dashboardLocale('xx', null)).toBe('en');
    expect(dashboardLocale(undefined, '')).toBe('en');
  });
});

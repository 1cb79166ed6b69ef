import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from './route-table';

const match = routeTable([
  'v1/customers/route.ts',
  'v1/customers/search/route.ts',
  'v1/customers/[id]/route.ts',
  'v1/customers/[id]/tax_ids/[taxId]/route.ts',
  'v1/[...path]/route.ts',
]);

describe('routeTable', () => {
  it('prefers a static segment to a parameter, and a parameter to the catch-all', () => {
    expect(match('/v1/customers/search')).toEqual({ file: 'v1/customers/search/route.ts', params: {} });
    expect(match('/v1/customers/cus_1')).toEqual({ file: 'v1/customers/[id]/route.ts', params: { id: 'cus_1' } });
    expect(match('/v1/customers/cus_1/tax_ids/txi_2')).toEqual({
      file: 'v1/customers/[id]/tax_ids/[taxId]/route.ts',
      params: { id: 'cus_1', taxId: 'txi_2' },
    });
    // No route under a customer's tax_ids without an id: the catch-all, with every segment.
    expect(match('/v1/customers/cus_1/tax_ids')).toEqual({
      file: 'v1/[...path]/route.ts',
      params: { path: ['customers', 'cus_1', 'tax_ids'] },
    });
    expect(match('/v1/nothing')).toEqual({ file: 'v1/[...path]/route.ts', params: { path: ['nothing'] } });
  });

  it('decodes parameters as Next does, and leaves paths Next normalizes or refuses to it', () => {
    expect(match('/v1/customers/a%20b%2Fc')?.params).toEqual({ id: 'a b/c' });
    expect(match('/v1/customers/')).toBeNull();
    expect(match('/v1//customers')).toBeNull();
    expect(match('/v1/customers/%ff')).toBeNull();
    expect(match('/v2/customers')).toBeNull();
    expect(match('customers')).toBeNull();
  });

  it('refuses route shapes it would get wrong', () => {
    expect(() => routeTable(['v1/(group)/x/route.ts'])).toThrow(/does not handle/);
    expect(() => routeTable(['v1/[[...opt]]/route.ts'])).toThrow(/does not handle/);
    expect(() => routeTable(['v1/[a]/route.ts', 'v1/[b]/x/route.ts'])).toThrow(/Two parameter names/);
    expect(() => routeTable(['v1/[...rest]/x/route.ts'])).toThrow(/last segment/);
  });

  it("takes every one of the API's route files, and sends each example path to its own", () => {
    const appDir = path.resolve(import.meta.dirname, '..', '..', 'app');
    const files = readdirSync(path.join(appDir, 'v1'), { recursive: true, encoding: 'utf8' })
      .filter((f) => path.basename(f) === 'route.ts')
      .map((f) => `v1/${f}`);
    const table = routeTable(files);
    for (const file of files.filter((f) => !f.includes('...'))) {
      const example = `/${file.replace(/\/route\.ts$/, '').replace(/\[[A-Za-z]+\]/g, 'x_1')}`;
      expect(table(example)?.file, example).toBe(file);
    }
  });
});

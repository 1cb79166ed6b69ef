import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver whose code (a schema library, the schema) is fetched when the form is first validated, or
 * earlier through `preload` (the customer's first focus in the form), not with the page: a page that is only looked
 * at never downloads it. If it cannot be fetched, the form goes to the server as it is, which checks it with the same
 * schema (the page works without JavaScript too); the next validation tries again.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): { resolver: Resolver<T>; preload: () => void } {
  let loading: Promise<Resolver<T>> | null = null;
  const loaded = () =>
    (loading ??= load().catch((): Resolver<T> => {
      loading = null;
      return (values) => ({ values, errors: {} });
    }));
  return {
    resolver: async (values, context, options) => (await loaded())(values, context, options),
    preload: () => void loaded(),
  };
}

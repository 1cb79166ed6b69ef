import 'server-only';
import { getLocale } from 'next-intl/server';

/** Dates in the dashboard's language, in UTC (said so on screen): the server does not know the merchant's zone. */
export async function dateFormatter(): Promise<(d: Date | null | undefined) => string> {
  const f = new Intl.DateTimeFormat(await getLocale(), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return (d) => (d ? `${f.format(d)} UTC` : '—');
}

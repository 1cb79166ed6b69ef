// GET /c/:sessionId/address/:country?locale=fr — a country's subdivisions (named in that language) and a postal
// code example, for the pay form when its customer picks another country. Public data (the same for every
// session), under the page's path so a merchant's custom domain serves it too; cached by browsers for a day.
import { matchLocale } from '@/i18n/locales';
import { addressRules } from '@/lib/addresses/address-rules';

export function GET(request: Request, { params }: { params: Promise<{ sessionId: string; country: string }> }): Promise<Response> {
  return params.then(({ country }) => {
    const locale = matchLocale(new URL(request.url).searchParams.get('locale')) ?? 'en';
    const rules = /^[A-Z]{2}$/.test(country) ? addressRules(country, locale) : null;
    if (!rules) return Response.json({ error: 'unknown country' }, { status: 404 });
    return Response.json(
      { subdivisions: rules.subdivisions, postalExample: rules.postalExample },
      { headers: { 'Cache-Control': 'public, max-age=86400' } },
    );
  });
}

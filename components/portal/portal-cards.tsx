import { getTranslations } from 'next-intl/server';
import type { PortalCardView } from '@/lib/billing-portal/portal-page-view';
import { BUTTON, SECTION, type PortalFormAction } from './styles';

/** The customer's saved cards: add one (through a setup-mode checkout page), make one the default, remove one. */
export async function PortalCards({
  cards,
  add,
  setDefault,
  remove,
}: {
  cards: PortalCardView[];
  add: PortalFormAction;
  setDefault: PortalFormAction;
  remove: PortalFormAction;
}) {
  const t = await getTranslations('Portal');
  return (
    <section aria-labelledby="portal-cards" className={SECTION} data-testid="portal-cards">
      <h2 id="portal-cards" className="text-base font-semibold">
        {t('cardsTitle')}
      </h2>
      {cards.length === 0 ? <p className="mt-3 text-sm text-gray-600">{t('noCards')}</p> : null}
      <ul className="mt-3 divide-y divide-gray-200">
        {cards.map((card) => {
          const label = t('cardLabel', { brand: card.brand, last4: card.last4 });
          return (
            <li key={card.id} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid={`portal-card-${card.id}`}>
              <span className="font-medium">{label}</span>
              <span className="text-gray-600">
                {t('expires', { month: String(card.expMonth).padStart(2, '0'), year: String(card.expYear) })}
              </span>
              {card.isDefault ? (
                <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium" data-testid="portal-card-default">
                  {t('default')}
                </span>
              ) : null}
              <span className="ml-auto flex gap-2">
                {card.isDefault ? null : (
                  <form action={setDefault}>
                    <input type="hidden" name="payment_method" value={card.id} />
                    <button
                      type="submit"
                      className={BUTTON}
                      aria-label={t('makeDefaultLabel', { card: label })}
                      data-testid="portal-make-default"
                    >
                      {t('makeDefault')}
                    </button>
                  </form>
                )}
                <form action={remove}>
                  <input type="hidden" name="payment_method" value={card.id} />
                  <button type="submit" className={BUTTON} aria-label={t('removeLabel', { card: label })} data-testid="portal-remove-card">
                    {t('remove')}
                  </button>
                </form>
              </span>
            </li>
          );
        })}
      </ul>
      <form action={add} className="mt-3">
        <button type="submit" className={BUTTON} data-testid="portal-add-card">
          {t('addCard')}
        </button>
      </form>
    </section>
  );
}

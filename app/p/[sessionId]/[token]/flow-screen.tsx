// The screen a portal session created with flow_data opens on, and what its after_completion shows once done
// (a redirect is the actions' own: actions.ts). Each screen is one of the home page's sections narrowed to the
// flow's subscription, so its forms are the same server actions with the same checks.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PortalCancelConfirm } from '@/components/portal/portal-cancel-confirm';
import { PortalCards } from '@/components/portal/portal-cards';
import { PortalSubscriptions } from '@/components/portal/portal-subscriptions';
import { PortalSwitchConfirm } from '@/components/portal/portal-switch-confirm';
import { LINK, SECTION } from '@/components/portal/styles';
import type { PortalPageView } from '@/lib/billing-portal/portal-page-view';
import type { PortalFlow } from '@/db/schema';
import {
  addCardAction,
  cancelAtPeriodEndAction,
  cancelNowAction,
  removeCardAction,
  setDefaultCardAction,
  switchPlanAction,
} from './actions';
import { loadSwitchPreview } from './load';

/** A server action of the portal bound to its session id and token, as the page's forms post it. */
export type Bind = <A>(action: (sessionId: string, token: string, form: FormData) => Promise<A>) => (form: FormData) => Promise<A>;

type FlowProps = { page: PortalPageView; flow: PortalFlow; sessionId: string; token: string; bind: Bind; home: string };

/** What a flow's page shows after its change was made, when after_completion is hosted_confirmation. */
export async function FlowConfirmation({ flow }: { flow: PortalFlow }) {
  const t = await getTranslations('Portal');
  return (
    <section className={SECTION} data-testid="portal-flow-confirmation">
      <p role="status" className="text-sm">
        {flow.after_completion.hosted_confirmation?.custom_message ?? t('notice.done')}
      </p>
    </section>
  );
}

/** "This change is not available", with the way back. */
export async function Unavailable({ home }: { home: string }) {
  const t = await getTranslations('Portal');
  return (
    <section className={SECTION} data-testid="portal-unavailable">
      <p role="alert" className="text-sm">
        {t('unavailable')}
      </p>
      <a href={home} className={`mt-3 inline-block ${LINK}`}>
        {t('goBack')}
      </a>
    </section>
  );
}

/** The flow's own screen; "unavailable" when what it names can no longer be changed (ended, already canceling, not offered). */
export async function FlowScreen({ page, flow, sessionId, token, bind, home }: FlowProps): Promise<ReactNode> {
  if (flow.type === 'payment_method_update')
    return page.cards ? (
      <PortalCards cards={page.cards} add={bind(addCardAction)} setDefault={bind(setDefaultCardAction)} remove={bind(removeCardAction)} />
    ) : (
      <Unavailable home={home} />
    );
  const subscriptionId =
    flow.subscription_cancel?.subscription ?? flow.subscription_update?.subscription ?? flow.subscription_update_confirm?.subscription;
  const sub = page.subscriptions.find((s) => s.id === subscriptionId);
  if (!sub) return <Unavailable home={home} />;

  if (flow.type === 'subscription_cancel') {
    if (!page.canCancel || sub.cancelAtPeriodEnd) return <Unavailable home={home} />;
    return page.cancelNow || page.cancelReasons ? (
      <PortalCancelConfirm
        subscriptionId={sub.id}
        reasons={page.cancelReasons}
        confirm={bind(page.cancelNow ? cancelNowAction : cancelAtPeriodEndAction)}
        backHref={home}
        periodEnd={page.cancelNow ? undefined : sub.currentPeriodEnd}
      />
    ) : (
      <PortalSubscriptions subscriptions={[sub]} canCancel cancelNow={false} cancelAtPeriodEnd={bind(cancelAtPeriodEndAction)} />
    );
  }
  if (flow.type === 'subscription_update')
    return sub.switchTo.length ? (
      <PortalSubscriptions subscriptions={[sub]} canCancel={false} cancelNow={false} cancelAtPeriodEnd={bind(cancelAtPeriodEndAction)} />
    ) : (
      <Unavailable home={home} />
    );

  // subscription_update_confirm: the confirmation of the one price change it names (quantities and discounts are not offered yet).
  const confirm = flow.subscription_update_confirm;
  const [item] = confirm?.items ?? [];
  if (!confirm || confirm.items.length !== 1 || !item.price || item.quantity !== undefined || confirm.discounts?.length)
    return <Unavailable home={home} />;
  const preview = await loadSwitchPreview({ sessionId, token, subscriptionId: sub.id, priceId: item.price, locale: page.locale });
  return preview ? <PortalSwitchConfirm preview={preview} confirm={bind(switchPlanAction)} backHref={home} /> : <Unavailable home={home} />;
}

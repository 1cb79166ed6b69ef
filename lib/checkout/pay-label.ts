import type { PageView } from './page-view';

/** Which pay-button message a session gets (the PayButton namespace), by mode and submit_type. */
export function payLabelKey(
  view: Pick<PageView, 'mode' | 'submitType' | 'trialDays'>,
): 'pay' | 'donate' | 'book' | 'subscribe' | 'startTrial' | 'save' {
  if (view.mode === 'setup') return 'save';
  if (view.mode === 'subscription') return view.trialDays ? 'startTrial' : 'subscribe';
  if (view.submitType === 'donate') return 'donate';
  if (view.submitType === 'book') return 'book';
  return 'pay';
}

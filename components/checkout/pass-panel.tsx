'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import type { PassAction } from '@/lib/pass/pass-panel-state';
import { PASS_CODE_MINUTES, PASS_LOCK_MINUTES } from '@/lib/pass/pass-rules';

const BUTTON =
  'rounded-[var(--ck-radius-button)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-sm font-semibold text-[var(--ck-text)]';

/**
 * Caisse Pass on the checkout page, before the pay form. Signed out: the email, then the six-digit code it was
 * sent (plain forms, so without JavaScript too). Signed in: who, and a way out; the pay form then holds the
 * Pass's card and details.
 */
export function PassPanel({
  action,
  signOutAction,
  signedInAs,
}: {
  action: PassAction;
  signOutAction: () => Promise<void>;
  signedInAs: string | null;
}) {
  const t = useTranslations('Pass');
  const [state, formAction, pending] = useActionState(action, { step: 'email', email: '', error: null });
  const frame = 'space-y-3 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] p-4';
  if (signedInAs)
    return (
      <section aria-labelledby="pass-title" className={frame} data-testid="pass-signed-in">
        <h2 id="pass-title" className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm">{t('signedIn', { email: signedInAs })}</p>
        <form action={signOutAction}>
          <button type="submit" className="text-sm underline" data-testid="pass-sign-out">
            {t('signOut')}
          </button>
        </form>
      </section>
    );
  const error = state.error
    ? state.error === 'locked'
      ? t('errors.locked', { minutes: PASS_LOCK_MINUTES })
      : t(`errors.${state.error}`)
    : null;
  return (
    <section aria-labelledby="pass-title" className={frame} data-testid="pass-panel">
      <h2 id="pass-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      {error ? (
        <p role="alert" className="text-sm text-red-800" data-testid="pass-error">
          {error}
        </p>
      ) : null}
      {state.step === 'email' ? (
        <form action={formAction} className="space-y-3" aria-busy={pending}>
          <p className="text-sm text-[var(--ck-muted)]">{t('intro')}</p>
          <input type="hidden" name="step" value="request" />
          <Field id="pass-email" name="pass_email" type="email" autoComplete="email" label={t('emailLabel')} defaultValue={state.email} />
          <button type="submit" disabled={pending} className={BUTTON} data-testid="pass-send-code">
            {t('sendCode')}
          </button>
        </form>
      ) : (
        <form action={formAction} className="space-y-3" aria-busy={pending}>
          <p className="text-sm" role="status" data-testid="pass-code-sent">
            {t('codeSent', { email: state.email, minutes: PASS_CODE_MINUTES })}
          </p>
          <input type="hidden" name="step" value="answer" />
          <input type="hidden" name="pass_email" value={state.email} />
          <Field
            id="pass-code"
            name="pass_code"
            label={t('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
          />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" disabled={pending} className={BUTTON} data-testid="pass-sign-in">
              {t('signIn')}
            </button>
          </div>
        </form>
      )}
      {state.step === 'code' ? (
        <form action={formAction}>
          <input type="hidden" name="step" value="restart" />
          <button type="submit" className="text-sm underline">
            {t('otherEmail')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

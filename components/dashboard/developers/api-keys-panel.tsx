'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { createSecretKeyAction } from '@/app/dashboard/(app)/developers/actions';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { FormError } from '../form-error';
import { RevokeKeyForm } from './revoke-key-form';
import { RollKeyForm } from './roll-key-form';
import { SecretReveal } from './secret-reveal';

export type KeyRow = {
  id: string;
  kind: 'secret' | 'publishable';
  /** The publishable key in full, else the display prefix. */
  shown: string;
  created: string;
  expires: string | null;
  revoked: string | null;
  state: 'active' | 'expiring' | 'expired' | 'revoked';
};

const TONE: Record<KeyRow['state'], BadgeTone> = { active: 'good', expiring: 'warn', expired: 'neutral', revoked: 'bad' };

type Mode = { kind: 'roll' | 'revoke'; key: KeyRow } | { kind: 'secret'; secret: string } | null;

/** The account's API keys: create, roll and revoke secret keys; a new secret is shown once. */
export function ApiKeysPanel({ keys }: { keys: KeyRow[] }) {
  const t = useTranslations('Dashboard.developers.keys');
  const [mode, setMode] = useState<Mode>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const create = () => {
    startTransition(async () => {
      setError(null);
      const result = await createSecretKeyAction();
      if (result.ok) setMode({ kind: 'secret', secret: result.data.secret });
      else setError(result.message);
    });
  };
  const live = (k: KeyRow) => k.kind === 'secret' && (k.state === 'active' || k.state === 'expiring');
  return (
    <Card
      title={t('title')}
      actions={
        <Button onClick={create} disabled={pending}>
          {t('create')}
        </Button>
      }
    >
      <div className="space-y-4">
        <FormError message={error} />
        {mode?.kind === 'secret' ? (
          <SecretReveal
            label={t('new_secret')}
            secret={mode.secret}
            onDone={() => {
              setMode(null);
            }}
          />
        ) : null}
        <DataTable
          caption={t('title')}
          rows={keys}
          rowKey={(k) => k.id}
          empty={t('empty')}
          columns={[
            { key: 'kind', header: t('kind'), cell: (k) => t(`kinds.${k.kind}`) },
            {
              key: 'key',
              header: t('key'),
              cell: (k) => (
                <code className="break-all font-mono text-xs" data-testid={`key-${k.kind}`}>
                  {k.shown}
                </code>
              ),
            },
            { key: 'created', header: t('created'), cell: (k) => k.created },
            { key: 'expires', header: t('expires'), cell: (k) => k.revoked ?? k.expires ?? '—' },
            { key: 'state', header: t('status'), cell: (k) => <Badge tone={TONE[k.state]}>{t(`states.${k.state}`)}</Badge> },
            {
              key: 'actions',
              header: t('actions'),
              cell: (k) =>
                live(k) ? (
                  <div className="flex flex-wrap gap-2">
                    <Button
                      variant="secondary"
                      aria-label={t('roll_label', { key: k.shown })}
                      onClick={() => {
                        setMode({ kind: 'roll', key: k });
                      }}
                    >
                      {t('roll')}
                    </Button>
                    <Button
                      variant="danger"
                      aria-label={t('revoke_label', { key: k.shown })}
                      onClick={() => {
                        setMode({ kind: 'revoke', key: k });
                      }}
                    >
                      {t('revoke')}
                    </Button>
                  </div>
                ) : null,
            },
          ]}
        />
        {mode?.kind === 'roll' ? (
          <RollKeyForm
            keyId={mode.key.id}
            shown={mode.key.shown}
            onCancel={() => {
              setMode(null);
            }}
            onRolled={(secret) => {
              setMode({ kind: 'secret', secret });
            }}
          />
        ) : null}
        {mode?.kind === 'revoke' ? (
          <RevokeKeyForm
            keyId={mode.key.id}
            shown={mode.key.shown}
            onDone={() => {
              setMode(null);
            }}
          />
        ) : null}
      </div>
    </Card>
  );
}

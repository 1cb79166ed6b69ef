import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

/** The top of an object's page in the dashboard: the way back to its list, the title, its id and creation date, and its status. */
export function DetailHeader({
  back,
  title,
  id,
  idTestId,
  created,
  status,
}: {
  back: { href: string; text: string };
  title: string;
  id: string;
  idTestId: string;
  created: string;
  status: ReactNode;
}) {
  return (
    <>
      <Link href={back.href} className="mb-3 inline-block text-sm text-[var(--ck-link)] underline">
        ← {back.text}
      </Link>
      <PageHeader
        title={title}
        description={
          <>
            <code className="block break-all" data-testid={idTestId}>
              {id}
            </code>
            {created}
          </>
        }
        actions={status}
      />
    </>
  );
}

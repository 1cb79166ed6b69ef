import type { ReactNode } from 'react';

/** The one-message pages: not found, expired, complete. */
export function StatePage({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <main className="mx-auto max-w-md p-8 text-center" data-testid={testId}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-3 text-gray-700">{children}</div>
    </main>
  );
}

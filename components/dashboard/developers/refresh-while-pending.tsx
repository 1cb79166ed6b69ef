'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Re-reads the page every few seconds while a delivery is due soon (just
 * resent, or retried within the minute), so its outcome appears without a reload.
 */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      router.refresh();
    }, 2000);
    return () => {
      clearInterval(timer);
    };
  }, [pending, router]);
  return null;
}

import Link from 'next/link';

/** The link to a catalog list's next (older) page, when it has one. */
export function OlderLink({ path, cursor, label }: { path: string; cursor: string | null; label: string }) {
  return cursor ? (
    <Link href={`${path}?after=${encodeURIComponent(cursor)}`} className="mt-4 inline-block text-sm text-[var(--ck-link)] underline">
      {label}
    </Link>
  ) : null;
}

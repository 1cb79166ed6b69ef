import type { ReactNode } from 'react';

export type Column<Row> = { key: string; header: ReactNode; cell: (row: Row) => ReactNode; className?: string };

/** A list of rows that scrolls sideways on a phone instead of squeezing its columns. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  caption,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  caption?: string;
}) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-[var(--ck-muted)]">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-start text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="border-b border-[var(--ck-border)] text-xs uppercase tracking-wide text-[var(--ck-muted)]">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`px-2 py-2 font-medium ${c.className ?? ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-[var(--ck-border)] last:border-0">
              {columns.map((c) => (
                <td key={c.key} className={`px-2 py-2 align-top ${c.className ?? ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

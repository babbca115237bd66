import type { ReactNode } from 'react';

/** One labelled fact in a record: a term and its value, in a description list. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

import type { ReactNode } from "react";

/** The page's one h1 and an optional lead paragraph. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <p>{children}</p> : null}
    </header>
  );
}

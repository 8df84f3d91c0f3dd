import type { ReactNode } from "react";

/** What will appear in a place that is empty today, and how it will arrive. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

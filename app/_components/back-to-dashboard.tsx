"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/** A link back to the current organization's dashboard, for pages that do not receive params. */
export function BackToDashboard() {
  const params = useParams<{ org?: string }>();
  const href = params.org ? `/o/${encodeURIComponent(params.org)}/dashboard` : "/";
  return (
    <p>
      <Link href={href}>Back to the dashboard</Link>
    </p>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
// Plain CSS, no framework: base and variables first, then one file per area.
import "./globals.css";
import "./_styles/shell.css";
import "./_styles/content.css";
import "./_styles/forms.css";
import "./_styles/auth.css";
import "./_styles/evidence.css";
import "./_styles/readiness.css";

export const metadata: Metadata = {
  title: { default: "Assay", template: "%s · Assay" },
  description: "Compliance and governance for AI systems: Zero Trust for AI and the EU AI Act.",
};

/**
 * Every page is rendered per request, the 404 page included: Next.js puts the request's CSP nonce
 * (proxy.ts) on its scripts only when it renders, so a page prerendered at build time would have
 * scripts the Content-Security-Policy blocks.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

import type { Metadata } from "next";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

import { Fragment } from "react";
import { jsonPreviewTokens } from "@/lib/ui/json-preview-tokens.ts";

/**
 * A body preview with JSON syntax highlighting. Every token is a React text node (escaped by React),
 * never markup: a payload holding `<script>` shows as text. Non-JSON text is shown as it is.
 */
export function JsonPreview({ text, complete, label }: { text: string; complete: boolean; label: string }) {
  const { tokens, reindented } = jsonPreviewTokens(text, complete);
  return (
    <>
      {reindented ? <p className="muted">Re-indented for reading: “Download raw” has the exact bytes.</p> : null}
      <pre className="code-block" tabIndex={0} role="region" aria-label={label}>
        <code>
          {tokens.map((t, i) =>
            t.kind === "plain" ? (
              <Fragment key={i}>{t.text}</Fragment>
            ) : (
              <span key={i} className={`json-${t.kind}`}>
                {t.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </>
  );
}

"use client";

/** Unexpected failures: no details from the server reach the page, only the digest to quote. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main className="message-page">
      <h1>Something went wrong</h1>
      <p>Assay could not show this page. Try again; if it keeps failing, give your administrator this reference.</p>
      {digest ? (
        <p>
          Reference: <code>{digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </main>
  );
}

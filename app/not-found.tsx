import Link from "next/link";

/** 404 outside an organization's shell: an unknown page, or an organization you do not belong to. */
export default function NotFound() {
  return (
    <main className="message-page">
      <h1>Page not found</h1>
      <p>This page does not exist, or it belongs to an organization you are not a member of.</p>
      <p>
        <Link href="/">Go to your organizations</Link>
      </p>
    </main>
  );
}

import Link from "next/link";

/** 403 outside an organization's shell. */
export default function Forbidden() {
  return (
    <main className="message-page">
      <h1>You do not have access to this page</h1>
      <p>Your role does not include this page. Ask an admin of your organization if you need it.</p>
      <p>
        <Link href="/">Go to your organizations</Link>
      </p>
    </main>
  );
}

import { redirect } from "next/navigation";
import { requirePageAccess } from "@/lib/auth/require-page-access.ts";
import { listOrganizations } from "@/lib/orgs/list-organizations.ts";
import { SignOutButton } from "@/app/_components/sign-out-button.tsx";

export const dynamic = "force-dynamic";

/** Home: signed-in people go to their first organization's dashboard; anonymous visitors sign in. */
export default async function HomePage() {
  const { prisma, user } = await requirePageAccess("PAGE /");
  const orgs = await listOrganizations(prisma, user.userId);
  const first = orgs[0];
  if (first) redirect(`/o/${first.slug}/dashboard`);

  return (
    <main className="message-page">
      <h1>Welcome to Assay</h1>
      <p>
        You are signed in as <strong>{user.email}</strong>, but you are not a member of any organization yet. Ask an
        admin of your organization to add you; then sign in again.
      </p>
      <SignOutButton />
    </main>
  );
}

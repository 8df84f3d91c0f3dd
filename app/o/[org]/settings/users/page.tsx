import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listMembers } from "@/lib/members/list-members.ts";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { AddMemberForm } from "./add-member-form.tsx";
import { MemberRow } from "./member-row.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users and roles" };

export default async function UsersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx, user } = await requireOrgPageAccess("PAGE /o/[org]/settings/users", { org });
  const members = await listMembers(prisma, ctx);

  return (
    <>
      <PageHeader title="Users and roles">
        Who can see and change {ctx.org.name} in Assay. A role change or removal signs the person out everywhere; the
        new role applies from their next sign-in.
      </PageHeader>
      <div className="table-wrap">
        <table>
          <caption>Members of {ctx.org.name}</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.id} orgSlug={ctx.org.slug} member={m} isSelf={m.userId === user.userId} />
            ))}
          </tbody>
        </table>
      </div>
      <AddMemberForm orgSlug={ctx.org.slug} />
    </>
  );
}

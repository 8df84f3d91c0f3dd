import { BackToDashboard } from "@/app/_components/back-to-dashboard.tsx";

/** 403 inside an organization: a member whose role does not include the page. */
export default function OrgForbidden() {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your role in this organization does not include this page. Ask an admin of the organization if you need it.</p>
      <BackToDashboard />
    </>
  );
}

import { BackToDashboard } from "@/app/_components/back-to-dashboard.tsx";

/** 404 inside an organization, e.g. an AI system id that is not in this organization. */
export default function OrgNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is nothing here in this organization: the link may be out of date, or the item belongs elsewhere.</p>
      <BackToDashboard />
    </>
  );
}

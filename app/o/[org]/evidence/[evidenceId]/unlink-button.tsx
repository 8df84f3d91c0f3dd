import { ReasonActionButton } from "@/app/_components/reason-action-button.tsx";

/** Unlinks evidence from a requirement after asking why (the reason goes into the audit log). */
export function UnlinkButton({
  orgSlug,
  evidenceId,
  linkId,
  requirement,
}: {
  orgSlug: string;
  evidenceId: string;
  linkId: string;
  requirement: string;
}) {
  return (
    <ReasonActionButton
      method="DELETE"
      url={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/evidence/${encodeURIComponent(evidenceId)}/links/${encodeURIComponent(linkId)}`}
      fieldId={`unlink-reason-${linkId}`}
      label="Unlink"
      hiddenLabel={` from ${requirement}`}
      formLabel={`Unlink from ${requirement}`}
      question="Why unlink it?"
      confirmLabel="Confirm unlink"
    />
  );
}

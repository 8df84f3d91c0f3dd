import { ReasonActionButton } from "@/app/_components/reason-action-button.tsx";

/** Ends an active waiver early after asking why (the reason goes into the audit log), then refreshes. */
export function RevokeWaiverButton({ orgSlug, waiverId, label }: { orgSlug: string; waiverId: string; label: string }) {
  return (
    <ReasonActionButton
      method="POST"
      url={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/waivers/${encodeURIComponent(waiverId)}/revoke`}
      fieldId={`revoke-reason-${waiverId}`}
      label="Revoke"
      hiddenLabel={` the waiver ${label}`}
      formLabel={`Revoke the waiver ${label}`}
      question="Why revoke it?"
      confirmLabel="Confirm revocation"
    />
  );
}

import type { WaiverSummary } from "@/lib/waivers/waiver-summary.ts";
import { WaiversTable } from "../../../_readiness/waivers-table.tsx";
import { RecordWaiverForm } from "./record-waiver-form.tsx";

interface Props {
  orgSlug: string;
  requirementId: string;
  waivers: WaiverSummary[];
  /** Present for members who may record and revoke waivers (admin, compliance). */
  manage: {
    systems: { id: string; name: string }[];
    approvers: { email: string; name: string | null; role: string }[];
    minDate: string;
    maxDate: string;
  } | null;
}

/** The requirement's waivers (active, expired, revoked) and, for admin and compliance, the form to record one. */
export function WaiversSection({ orgSlug, requirementId, waivers, manage }: Props) {
  return (
    <section aria-labelledby="req-waivers-heading">
      <h2 id="req-waivers-heading">Waivers</h2>
      {waivers.length === 0 ? (
        <p className="muted">No waiver has been recorded for this requirement.</p>
      ) : (
        <WaiversTable
          orgSlug={orgSlug}
          waivers={waivers}
          caption="Waivers of this requirement"
          canRevoke={manage !== null}
        />
      )}
      {manage === null ? null : manage.approvers.length === 0 ? (
        <p className="muted">
          Recording a waiver needs another member with the compliance or admin role to approve it; there is none yet.
        </p>
      ) : (
        <RecordWaiverForm
          orgSlug={orgSlug}
          requirementId={requirementId}
          systems={manage.systems}
          approvers={manage.approvers}
          minDate={manage.minDate}
          maxDate={manage.maxDate}
        />
      )}
    </section>
  );
}

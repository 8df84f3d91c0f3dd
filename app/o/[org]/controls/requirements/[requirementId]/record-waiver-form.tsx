"use client";

import { useState } from "react";
import type { WaiverSummary } from "@/lib/waivers/waiver-summary.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { Field, FieldError } from "@/app/_components/field.tsx";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";

interface Props {
  orgSlug: string;
  requirementId: string;
  systems: { id: string; name: string }[];
  /** Other members with the compliance or admin role: who may approve. */
  approvers: { email: string; name: string | null; role: string }[];
  /** Bounds of the expiry date picker (YYYY-MM-DD): tomorrow, and the longest a waiver may run. */
  minDate: string;
  maxDate: string;
}

/**
 * Records a waiver for this requirement (admin, compliance): one system or all, the reason, the
 * compensating control, another compliance or admin member as approver, and the day it ends (it ends
 * when that day starts, UTC). Field errors come from the API's 422 answer; on success the page refreshes.
 */
export function RecordWaiverForm({ orgSlug, requirementId, systems, approvers, minDate, maxDate }: Props) {
  const form = useApiForm("The waiver was not recorded: check the fields marked below.");
  const { fields } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit(element: HTMLFormElement) {
    setDone(null);
    const waiver = await form.submit(element, (data) => {
      const systemId = formText(data, "systemId");
      return apiRequest<WaiverSummary>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/waivers`, {
        requirementId,
        systemId: systemId || null,
        reason: formText(data, "reason"),
        compensatingControl: formText(data, "compensatingControl"),
        approver: formText(data, "approver"),
        expiresAt: formText(data, "expiresAt"),
      });
    });
    if (waiver) {
      setDone(
        `Waiver recorded for ${waiver.systemName ?? "all systems"} until ${waiver.expiresAt.slice(0, 10)}, approved by ${waiver.approver}.`,
      );
    }
  }

  return (
    <FormPanel id="record-waiver" title="Record a waiver" error={form.error} onSubmit={(f) => void submit(f)}>
      <FieldError label="Requirement" message={fields.requirementId} />
      <Field id="waiver-system" name="systemId" label="AI system" error={fields.systemId}>
        {(control) => (
          <select {...control} defaultValue="">
            <option value="">All systems</option>
            {systems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="waiver-reason"
        name="reason"
        label="Reason"
        error={fields.reason}
        hint="Why the gap is accepted for now; at least 10 characters."
      >
        {(control) => <textarea {...control} required minLength={10} maxLength={2000} />}
      </Field>
      <Field
        id="waiver-control"
        name="compensatingControl"
        label="Compensating control"
        error={fields.compensatingControl}
        hint="What limits the risk meanwhile; at least 5 characters."
      >
        {(control) => <textarea {...control} required minLength={5} maxLength={2000} />}
      </Field>
      <Field
        id="waiver-approver"
        name="approver"
        label="Approver"
        error={fields.approver}
        hint="Another member with the compliance or admin role."
      >
        {(control) => (
          <select {...control} defaultValue="" required>
            <option value="">Choose an approver</option>
            {approvers.map((a) => (
              <option key={a.email} value={a.email}>
                {a.name ? `${a.name} <${a.email}>` : a.email} ({a.role})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="waiver-expires"
        name="expiresAt"
        label="Ends on"
        error={fields.expiresAt}
        hint="The waiver ends when this day starts (UTC); at most a year ahead, so it is reviewed at least yearly."
      >
        {(control) => <input {...control} type="date" required min={minDate} max={maxDate} />}
      </Field>
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Recording…" : "Record waiver"}
      </button>
      <p role="status" className="form-status">
        {done}
      </p>
    </FormPanel>
  );
}

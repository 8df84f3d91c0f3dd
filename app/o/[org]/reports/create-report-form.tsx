"use client";

import { useState } from "react";
import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { apiRequest, type ApiResult } from "@/app/_components/api-request.ts";
import { FieldError } from "@/app/_components/field.tsx";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { ReportProgress } from "./report-progress.tsx";

interface Props {
  orgSlug: string;
  systems: { id: string; name: string }[];
  frameworks: { id: string; title: string }[];
  canDownloadPack: boolean;
}

const checked = (data: FormData, name: string) => data.getAll(name).filter((v): v is string => typeof v === "string");

/** A client-side refusal in the API's error shape, so it shows like a 422 next to its field. */
const refuse = (field: string, message: string): Promise<ApiResult<ReportSummary>> =>
  Promise.resolve({ ok: false, status: 0, code: "validation_failed", message: "", issues: [{ field, message }] });

/**
 * Asks for a signed report (admin, compliance, ciso) over a scope: AI systems and frameworks, all by
 * default. All boxes ticked sends no list, which means "all". The report is then followed live below
 * the form (report-progress.tsx) until its downloads are ready.
 */
export function CreateReportForm({ orgSlug, systems, frameworks, canDownloadPack }: Props) {
  const form = useApiForm("The report was not requested: check the fields marked below.");
  const { fields } = form;
  const [report, setReport] = useState<ReportSummary | null>(null);

  async function submit(element: HTMLFormElement) {
    const created = await form.submit(
      element,
      (data) => {
        const chosenSystems = checked(data, "systems");
        const chosenFrameworks = checked(data, "frameworks");
        if (systems.length > 0 && chosenSystems.length === 0) return refuse("systems", "need at least one ticked.");
        if (frameworks.length > 0 && chosenFrameworks.length === 0)
          return refuse("frameworks", "need at least one ticked.");
        return apiRequest<ReportSummary>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/reports`, {
          ...(chosenSystems.length < systems.length ? { systems: chosenSystems } : {}),
          ...(chosenFrameworks.length < frameworks.length ? { frameworks: chosenFrameworks } : {}),
        });
      },
      { reset: false },
    );
    if (created) setReport(created);
  }

  return (
    <FormPanel
      id="create-report"
      title="Create a report"
      error={form.error}
      onSubmit={(f) => void submit(f)}
      after={
        report ? (
          <ReportProgress key={report.id} orgSlug={orgSlug} report={report} canDownloadPack={canDownloadPack} />
        ) : null
      }
    >
      <p className="muted" id="create-report-note">
        The report uses the <strong>latest stored readiness snapshot</strong> (the history below shows its time): it is
        not rescored, so the signed PDF shows exactly the readiness of that point in time. A snapshot is stored whenever
        evidence, links, waivers or systems change; if none is stored yet, one is computed first.
      </p>
      <fieldset className="field" aria-describedby={fields.systems ? "report-systems-error" : undefined}>
        <legend>AI systems</legend>
        {systems.length === 0 ? (
          <p className="hint">No AI systems are registered: the report covers the organization as a whole.</p>
        ) : (
          systems.map((s) => (
            <div className="checkbox" key={s.id}>
              <input id={`report-system-${s.id}`} type="checkbox" name="systems" value={s.id} defaultChecked />
              <label htmlFor={`report-system-${s.id}`}>{s.name}</label>
            </div>
          ))
        )}
        <FieldError id="report-systems-error" label="AI systems" message={fields.systems} />
      </fieldset>
      <fieldset className="field" aria-describedby={fields.frameworks ? "report-frameworks-error" : undefined}>
        <legend>Frameworks</legend>
        {frameworks.map((f) => (
          <div className="checkbox" key={f.id}>
            <input id={`report-framework-${f.id}`} type="checkbox" name="frameworks" value={f.id} defaultChecked />
            <label htmlFor={`report-framework-${f.id}`}>{f.title}</label>
          </div>
        ))}
        <FieldError id="report-frameworks-error" label="Frameworks" message={fields.frameworks} />
      </fieldset>
      <button type="submit" disabled={form.busy || !form.hydrated} aria-describedby="create-report-note">
        {form.busy ? "Requesting…" : "Create report"}
      </button>
    </FormPanel>
  );
}

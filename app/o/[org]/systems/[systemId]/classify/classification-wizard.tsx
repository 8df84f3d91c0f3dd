"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  issuesByWizardField,
  toClassificationRequest,
  type ClassificationRequest,
} from "@/lib/ui/classification-form.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";
import type { AnnexIIIArea } from "../../annex-iii.ts";
import { STEPS, stepOfField } from "./wizard-options.ts";
import { AiSystemStep, AnnexIStep, ProhibitedStep, RoleStep } from "./wizard-steps-a.tsx";
import { AnnexIIIStep, DeployerStep, GpaiStep, TransparencyStep } from "./wizard-steps-b.tsx";

interface Props {
  orgSlug: string;
  systemId: string;
  /** The system page, where the wizard goes once the classification is saved. */
  returnTo: string;
  areas: readonly AnnexIIIArea[];
  /** The previous classification's answers, or the defaults. */
  initial: ClassificationRequest;
}

/**
 * The EU AI Act classification wizard: one form in eight steps (Back and Next move between them, the
 * step list jumps), saved with PUT .../classification on the last step. Every step stays in the form
 * while hidden, so one submission carries all answers; API field errors open the step that holds them.
 */
export function ClassificationWizard({ orgSlug, systemId, returnTo, areas, initial }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [step, setStep] = useState(0);
  const [moved, setMoved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const last = STEPS.length - 1;

  // After Next, Back or a jump, move focus to the new step's heading so keyboard and screen reader
  // users land at its start (not on first render).
  useEffect(() => {
    if (moved) headingRef.current?.focus();
  }, [step, moved]);

  function go(index: number) {
    setStep(Math.max(0, Math.min(last, index)));
    setMoved(true);
  }

  async function save(form: HTMLFormElement) {
    setError(null);
    setErrors({});
    const { body, problems } = toClassificationRequest(new FormData(form));
    if (problems.length > 0) return fail(issuesByWizardField(problems));
    setBusy(true);
    const url = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/systems/${encodeURIComponent(systemId)}/classification`;
    const result = await apiRequest("PUT", url, body);
    if (result.ok) {
      router.push(returnTo);
      return;
    }
    setBusy(false);
    if (result.issues.length > 0) fail(issuesByWizardField(result.issues));
    else setError(result.message);
  }

  function fail(fields: Record<string, string>) {
    setErrors(fields);
    setError("Some answers need attention: see the steps marked “needs attention”.");
    const steps = Object.keys(fields).map(stepOfField);
    go(Math.min(...steps));
  }

  const stepsWithErrors = new Set(Object.keys(errors).map(stepOfField));
  const panels: ReactNode[] = [
    <RoleStep key="role" initial={initial} errors={errors} />,
    <AiSystemStep key="ai" initial={initial} errors={errors} />,
    <ProhibitedStep key="prohibited" initial={initial} errors={errors} />,
    <AnnexIStep key="annex-i" initial={initial} errors={errors} />,
    <AnnexIIIStep key="annex-iii" initial={initial} errors={errors} areas={areas} />,
    <TransparencyStep key="transparency" initial={initial} errors={errors} />,
    <GpaiStep key="gpai" initial={initial} errors={errors} />,
    <DeployerStep key="deployer" initial={initial} errors={errors} />,
  ];

  return (
    <form
      className="wizard"
      method="post"
      noValidate
      aria-label="Classification"
      onSubmit={(e) => {
        e.preventDefault();
        // Enter in a field moves on; only the last step saves.
        if (step < last) go(step + 1);
        else void save(e.currentTarget);
      }}
    >
      <nav aria-label="Classification steps">
        <ol className="wizard-steps">
          {STEPS.map((s, i) => (
            <li key={s.title}>
              <button
                type="button"
                className={i === step ? "small" : "secondary small"}
                aria-current={i === step ? "step" : undefined}
                onClick={() => go(i)}
              >
                {i + 1}. {s.title}
                {stepsWithErrors.has(i) ? (
                  <>
                    {" "}
                    <span className="badge badge-danger">needs attention</span>
                  </>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {panels.map((panel, i) => (
        <div
          key={STEPS[i]?.title}
          className="panel stack"
          hidden={i !== step}
          role="group"
          aria-labelledby={`wizard-step-${i}`}
        >
          <h2 id={`wizard-step-${i}`} ref={i === step ? headingRef : undefined} tabIndex={-1}>
            Step {i + 1} of {STEPS.length}: {STEPS[i]?.title}
          </h2>
          {panel}
        </div>
      ))}
      <div className="inline-controls">
        <button type="button" className="secondary" disabled={step === 0 || !hydrated} onClick={() => go(step - 1)}>
          Back
        </button>
        {/* Distinct keys: the click on Next must never land on a submit button rendered in its place. */}
        {step < last ? (
          <button key="next" type="button" disabled={!hydrated} onClick={() => go(step + 1)}>
            Next
          </button>
        ) : (
          <button key="save" type="submit" disabled={busy || !hydrated}>
            {busy ? "Saving…" : "Save classification"}
          </button>
        )}
      </div>
    </form>
  );
}

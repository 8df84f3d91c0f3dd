import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import {
  CONDITION_LABEL,
  GPAI_LABEL,
  labelOf,
  OPERATOR_ROLE_LABEL,
  RISK_CLASS_LABEL,
  RISK_CLASS_TONE,
} from "@/lib/ui/classification-labels.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { readClassificationRecord } from "@/lib/ui/read-classification-record.ts";
import { findAnnexIIIUseCase, type AnnexIIIArea } from "../annex-iii.ts";

/** The system's recorded EU AI Act classification: the outcome, the facts, and the wizard's reasoning. */
export function ClassificationPanel({ system, areas }: { system: AiSystemSummary; areas: readonly AnnexIIIArea[] }) {
  const record = readClassificationRecord(system.classification);
  const riskClass = system.riskClass ?? "";
  const useCase = system.annexIIIUseCase ? findAnnexIIIUseCase(areas, system.annexIIIUseCase) : null;
  return (
    <section className="panel" aria-labelledby="classification-heading">
      <h2 id="classification-heading">EU AI Act classification</h2>
      {record.inScope === false ? (
        <p className="form-error">
          Not an AI system under Art. 3(1): the AI Act does not apply to it. The obligations below are shown for
          reference only.
        </p>
      ) : null}
      <dl className="details">
        <dt>Risk class</dt>
        <dd>
          <span className={`badge ${RISK_CLASS_TONE[riskClass] ?? ""}`.trim()}>
            {labelOf(RISK_CLASS_LABEL, riskClass)}
          </span>
        </dd>
        <dt>Annex III use case</dt>
        <dd>
          {system.annexIIIUseCase ? (
            <>
              Point {system.annexIIIUseCase}
              {useCase ? ` (${useCase.area})${useCase.summary ? `: ${useCase.summary}` : ""}` : ""}
            </>
          ) : (
            "None"
          )}
        </dd>
        <dt>General-purpose AI</dt>
        <dd>{labelOf(GPAI_LABEL, system.gpai)}</dd>
        <dt>Your role(s)</dt>
        <dd>{system.operatorRoles.map((r) => labelOf(OPERATOR_ROLE_LABEL, r)).join(", ") || "None recorded"}</dd>
        <dt>Conditions</dt>
        <dd>
          {system.conditions.length === 0 ? (
            "None"
          ) : (
            <ul className="plain-list">
              {system.conditions.map((c) => (
                <li key={c}>{labelOf(CONDITION_LABEL, c)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Placed on the market</dt>
        <dd>{system.placedOnMarketAt ?? "Not yet"}</dd>
        <dt>Classified</dt>
        <dd>{formatDateTime(system.classifiedAt)}</dd>
      </dl>
      {record.reasoning.length > 0 ? (
        <>
          <h3>Reasoning</h3>
          <ol>
            {record.reasoning.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </>
      ) : null}
      {record.documentationRequired.length > 0 ? (
        <>
          <h3>Documentation required</h3>
          <ul>
            {record.documentationRequired.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

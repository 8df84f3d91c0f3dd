import { ASSAY_OSCAL_NS, OSCAL_VERSION, oscalId, stableUuid } from "../catalog/oscal-ids.ts";
import type { ReadinessStatus } from "../scoring/scoring-types.ts";
import type {
  OscalAssessmentResultsDocument,
  OscalBackMatterResource,
  OscalControlSelection,
  OscalFinding,
  OscalFindingTarget,
  OscalObservation,
  OscalObservationMethod,
  OscalProperty,
} from "./oscal-assessment-results-types.ts";
import type { ManifestEntry, ReportData, ReportException, ReportRow } from "./report-types.ts";

/** Sources whose evidence is the outcome of a test run (scanners, red teaming, CI); the rest is examined. */
const TEST_SOURCES: ReadonlySet<string> = new Set([
  "garak",
  "promptfoo",
  "pyrit",
  "modelscan",
  "trivy",
  "sarif",
  "grype",
  "github",
  "gitlab",
]);

/** How each Assay status becomes an OSCAL objective status (see the doc comment of the function). */
const STATE: Record<ReadinessStatus, OscalFindingTarget["status"]> = {
  met: { state: "satisfied", reason: "pass", remarks: "met: every expectation is met by fresh evidence." },
  partial: {
    state: "not-satisfied",
    reason: "other",
    remarks: "partial: some expectations are met, the others have no fresh evidence.",
  },
  failing: { state: "not-satisfied", reason: "fail", remarks: "failing: fresh evidence shows a failed check." },
  missing: { state: "not-satisfied", reason: "other", remarks: "missing: no evidence shows the requirement is met." },
  stale: { state: "not-satisfied", reason: "other", remarks: "stale: the only evidence has expired." },
  waived: { state: "not-satisfied", reason: "other", remarks: "waived: covered by an exception." },
  "not-applicable": {
    state: "not-satisfied",
    reason: "other",
    remarks: "not-applicable: the requirement does not apply at this point in time.",
  },
};

/**
 * OSCAL's StringDatatype (prop values) allows no line breaks and no leading or trailing whitespace:
 * those are folded and trimmed; a value with nothing left drops its prop. Everything else (any script,
 * bidi controls) is kept as it is.
 */
function assayProp(name: string, value: string, cls?: string): OscalProperty[] {
  const clean = value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
  if (clean === "") return [];
  return [{ name, value: clean, ns: ASSAY_OSCAL_NS, ...(cls ? { class: cls } : {}) }];
}

/** RFC 6920 named-information URI for a SHA-256 digest given in hex (null when it is not one). */
function niUri(sha256: string): string | null {
  return /^[0-9a-f]{64}$/i.test(sha256) ? `ni:///sha-256;${Buffer.from(sha256, "hex").toString("base64url")}` : null;
}

function observationOf(entry: ManifestEntry, uuid: string, asOf: string): OscalObservation {
  const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= Date.parse(asOf);
  const href = niUri(entry.sha256);
  const method: OscalObservationMethod = TEST_SOURCES.has(entry.source) ? "TEST" : "EXAMINE";
  return {
    uuid,
    title: `Evidence ${entry.evidenceId} from ${entry.source}`,
    description: `Evidence ${entry.evidenceId} received from the source ${entry.source}, observed at ${entry.observedAt}, SHA-256 ${entry.sha256}.`,
    props: [...assayProp("evidence-id", entry.evidenceId), ...assayProp("source", entry.source)],
    methods: [method],
    types: expired ? ["control-objective", "historic"] : ["control-objective"],
    "relevant-evidence": [
      {
        ...(href ? { href } : {}),
        description: `The raw bytes of evidence ${entry.evidenceId} as received from ${entry.source}, named by their SHA-256 digest.`,
        props: assayProp("sha256", entry.sha256),
      },
    ],
    collected: entry.observedAt,
    ...(entry.expiresAt !== null ? { expires: entry.expiresAt } : {}),
    ...(expired ? { remarks: "Expired before the snapshot's point in time: cited as the last evidence seen." } : {}),
  };
}

function findingOf(
  row: ReportRow,
  frameworkId: string,
  system: { systemId: string; systemName: string },
  uuid: string,
  exception: ReportException | undefined,
  observations: ReadonlyMap<string, string>,
): OscalFinding {
  const related = [...new Set(row.evidence.map((e) => observations.get(e.evidenceId)))].flatMap((u) =>
    u ? [{ "observation-uuid": u }] : [],
  );
  const status = { ...STATE[row.status] };
  const props: OscalProperty[] = [
    ...assayProp("stable-id", row.requirementId),
    ...assayProp("framework-id", frameworkId),
    ...assayProp("ref", row.ref),
    ...assayProp("system-id", system.systemId),
    ...assayProp("assay-status", row.status),
    ...assayProp("evidence-status", row.evidenceStatus),
    ...row.expectations.flatMap((e) => assayProp("expectation", e)),
  ];
  let remarks: string | undefined;
  if (row.status === "waived") {
    props.push(...assayProp("covered-by-exception", "true"));
    if (exception) {
      props.push(
        ...assayProp("exception-id", exception.waiverId),
        ...assayProp("exception-expires", exception.expiresAt),
      );
      status.remarks = `waived: covered by exception ${exception.waiverId} until ${exception.expiresAt}; without it the evidence gives ${exception.evidenceStatus}.`;
      remarks = `Exception ${exception.waiverId}, approved by ${exception.approvedBy}, expires ${exception.expiresAt}.\n\nReason: ${exception.reason}\n\nCompensating control: ${exception.compensatingControl}`;
    } else {
      status.remarks = `waived: covered by an exception; without it the evidence gives ${row.evidenceStatus}.`;
    }
  }
  return {
    uuid,
    // The system name goes last, so unbalanced bidi controls in it cannot reorder the rest of the title.
    title: `${row.ref} ${row.title}: ${system.systemName}`,
    description: row.summary,
    props,
    target: {
      type: "statement-id",
      "target-id": `${oscalId(row.requirementId)}_smt`,
      title: `${row.ref} ${row.title}`,
      status,
    },
    ...(related.length > 0 ? { "related-observations": related } : {}),
    ...(remarks !== undefined ? { remarks } : {}),
  };
}

/**
 * Pure: an OSCAL 1.1.3 assessment-results document for a report, from its data alone (same input, same
 * bytes: every UUID is a v5 UUID of stable names, every list keeps the order of `data`).
 *
 * - `import-ap` points at a back-matter resource holding Assay's readiness method (`data.method`): Assay
 *   has no separate assessment plan; the method is the plan. Each framework in scope gets a back-matter
 *   resource too, with the `uuid` of its OSCAL catalog export as the `catalog-uuid` prop.
 * - One result (UUID from the report id and snapshot id), `start` = `end` = the snapshot's point in time.
 *   `reviewed-controls` has one control selection per framework listing every assessed requirement, under
 *   the catalog export's control id (`oscalId`: `eu-ai-act:art-26-6` -> `art-26-6`), with the Assay id in
 *   `stable-id` props.
 * - One observation per manifest entry: `collected` = observedAt, `expires` = expiresAt when it has one,
 *   method TEST for scanner, red-team and CI sources and EXAMINE otherwise, type `historic` added when it had
 *   expired by the snapshot, the evidence's SHA-256 as an RFC 6920 `ni:` URI and as a prop.
 * - One finding per (system, requirement) row, targeting the control's statement (`<control-id>_smt`, the
 *   statement part of the catalog export). `met` is `satisfied` (reason `pass`); every other status is
 *   `not-satisfied` (reason `fail` for `failing`, `other` otherwise). `waived` is deliberately
 *   `not-satisfied`: a waiver takes a gap out of the score without turning it into a pass (the readiness
 *   method), so the finding says so in its status remarks, carries `covered-by-exception`, `exception-id`
 *   and `exception-expires` props, and gives the exception's reason and compensating control in `remarks`.
 *   The Assay status, evidence status and system id are props; the row's summary is the description.
 *
 * Prop values (OSCAL StringDatatype) have line breaks folded and edge whitespace trimmed; titles,
 * descriptions and remarks carry user text (names, reasons) unchanged.
 */
export function toOscalAssessmentResults(
  data: ReportData,
  meta: { reportId: string; dataSha256: string },
): OscalAssessmentResultsDocument {
  const docUuid = stableUuid(`assessment-results/${meta.reportId}`);
  const resultUuid = stableUuid(`assessment-results/${meta.reportId}/result/${data.snapshot.id}`);
  const planUuid = stableUuid(`${docUuid}/assessment-plan`);
  const catalogUuid = (frameworkId: string) => stableUuid(`${docUuid}/catalog/${frameworkId}`);
  const frameworkOf = new Map(data.scope.frameworks.map((f) => [f.id, f]));
  const orgName = data.organization.name;

  const observationUuids = new Map<string, string>();
  const observations = data.manifest.map((entry, i) => {
    const name = observationUuids.has(entry.evidenceId) ? `${entry.evidenceId}#${i}` : entry.evidenceId;
    const uuid = stableUuid(`${resultUuid}/observation/${name}`);
    if (!observationUuids.has(entry.evidenceId)) observationUuids.set(entry.evidenceId, uuid);
    return observationOf(entry, uuid, data.snapshot.asOf);
  });

  const exceptionOf = new Map(data.exceptions.map((e) => [`${e.systemId}\u0000${e.requirementId}`, e]));
  const findings = data.results.flatMap((fw) =>
    fw.systems.flatMap((system) =>
      system.rows.map((row) =>
        findingOf(
          row,
          fw.frameworkId,
          system,
          stableUuid(`${resultUuid}/finding/${system.systemId}/${row.requirementId}`),
          exceptionOf.get(`${system.systemId}\u0000${row.requirementId}`),
          observationUuids,
        ),
      ),
    ),
  );

  const selections: OscalControlSelection[] = data.results.map((fw) => {
    const ids = [...new Set(fw.systems.flatMap((s) => s.rows.map((r) => r.requirementId)))];
    const framework = frameworkOf.get(fw.frameworkId);
    return {
      description: `${framework ? `${framework.title} ${framework.version}` : fw.frameworkId}: the requirements that apply to at least one system in scope (${ids.length}).`,
      props: [...assayProp("framework-id", fw.frameworkId), ...ids.flatMap((id) => assayProp("stable-id", id))],
      ...(framework ? { links: [{ href: `#${catalogUuid(fw.frameworkId)}`, rel: "reference" }] } : {}),
      ...(ids.length > 0 ? { "include-controls": ids.map((id) => ({ "control-id": oscalId(id) })) } : {}),
    };
  });
  if (selections.length === 0) selections.push({ description: "No framework is in the report's scope." });

  const { tally } = data.summary;
  const systemCount = data.scope.systems.length;
  const resources: OscalBackMatterResource[] = [
    {
      uuid: planUuid,
      title: "Assay readiness method",
      description: data.method.join("\n\n"),
      props: assayProp("resource-kind", "assessment-method"),
      remarks: "Assay's readiness method, which stands in for an OSCAL assessment plan.",
    },
    ...data.scope.frameworks.map((f) => ({
      uuid: catalogUuid(f.id),
      title: `${f.title} ${f.version}`,
      description: `The control catalog the findings' control ids refer to (Assay's OSCAL catalog export of ${f.id}).`,
      props: [
        ...assayProp("resource-kind", "catalog"),
        ...assayProp("framework-id", f.id),
        ...assayProp("framework-version", f.version),
        ...assayProp("catalog-uuid", stableUuid(`${f.id}/${f.version}`)),
      ],
    })),
  ];

  return {
    "assessment-results": {
      uuid: docUuid,
      metadata: {
        title: `Readiness assessment results: ${orgName}, as of ${data.snapshot.asOf}`,
        "last-modified": data.generatedAt,
        // A report is never revised (a new report gets a new id), so every document is version 1.
        version: "1",
        "oscal-version": OSCAL_VERSION,
        props: [
          ...assayProp("report-id", meta.reportId),
          ...assayProp("snapshot-id", data.snapshot.id),
          ...assayProp("snapshot-as-of", data.snapshot.asOf),
          ...assayProp("snapshot-digest", data.snapshot.digest),
          ...assayProp("report-data-sha256", meta.dataSha256),
        ],
        parties: [
          {
            uuid: stableUuid(`organization/${data.organization.id}`),
            type: "organization",
            name: orgName,
            props: [
              ...assayProp("organization-id", data.organization.id),
              ...assayProp("organization-slug", data.organization.slug),
            ],
          },
        ],
        remarks:
          "Generated by Assay from one stored readiness snapshot; statuses and explanations are the snapshot's, never rescored.",
      },
      "import-ap": {
        href: `#${planUuid}`,
        remarks: "Assay has no separate assessment plan: the plan is its readiness method, in the back-matter.",
      },
      results: [
        {
          uuid: resultUuid,
          title: `Readiness of ${orgName} as of ${data.snapshot.asOf}`,
          description: `Readiness of ${systemCount} AI system${systemCount === 1 ? "" : "s"} against ${data.scope.frameworks.map((f) => f.title).join(", ") || "no framework"} at snapshot ${data.snapshot.id}: one finding per applicable (system, requirement) pair, one observation per piece of evidence cited.`,
          start: data.snapshot.asOf,
          end: data.snapshot.asOf,
          props: [
            ...assayProp("snapshot-id", data.snapshot.id),
            ...Object.entries(tally.counts).flatMap(([status, n]) => assayProp("status-count", String(n), status)),
            ...(tally.score !== null ? assayProp("score", String(tally.score)) : []),
          ],
          "reviewed-controls": {
            description: "Every requirement that applies to a system in scope at the snapshot's point in time.",
            "control-selections": selections,
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
          remarks:
            "Status mapping: met is satisfied; failing, partial, missing, stale and waived are not-satisfied. A waived requirement stays not-satisfied: its exception takes the gap out of the score without turning it into a pass, and its finding names the exception.",
        },
      ],
      "back-matter": { resources },
    },
  };
}

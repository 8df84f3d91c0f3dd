import { describe, expect, it } from "vitest";
import { oscalId } from "../catalog/oscal-ids.ts";
import { validateOscal } from "../catalog/validate-oscal.ts";
import { DAY, T0, allApply, input, item, waiver } from "../scoring/scoring-fixture.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import { buildReportData } from "./build-report-data.ts";
import type { ReportData } from "./report-types.ts";
import { toOscalAssessmentResults } from "./to-oscal-assessment-results.ts";

/** Arabic, with an embedding (RLE ... PDF) and an isolate (RLI ... PDI) around parts of it. */
const ARABIC_NAME = "نظام كشف الاحتيال \u202Bالإصدار 2\u202C \u2067مراجعة\u2069";
const META = { reportId: "rep-2026-10", dataSha256: "5f".repeat(32) };

const result = scoreReadiness(
  input({
    systems: [
      { id: "s1", name: "Fraud scoring", applicability: allApply() },
      { id: "s2", name: ARABIC_NAME, applicability: allApply() },
    ],
    items: [
      // met for s1 (red-team pass, expires with the rule's freshness)
      item({
        requirementId: "act:art-9-2",
        ruleId: "red-team",
        evidenceId: "ev-garak",
        systemId: "s1",
        sha256: "0a".repeat(32),
      }),
      // failing for s1 (fresh failing vulnerability scan)
      item({
        requirementId: "act:art-15-5",
        ruleId: "vuln-scan",
        outcome: "fail",
        evidenceId: "ev-trivy",
        source: "trivy",
        systemId: "s1",
        sha256: "1b".repeat(32),
      }),
      // met for every system by a hand-made link that never expires
      item({
        requirementId: "act:art-9-1",
        evidenceId: "ev-manual",
        source: "github",
        expiresAt: null,
        justification: "risk register reviewed",
        sha256: "2c".repeat(32),
      }),
      // stale for every system: expired ten days before the snapshot
      item({
        requirementId: "zt:identity.auth.mfa",
        ruleId: "mfa-log",
        evidenceId: "ev-litellm",
        source: "litellm",
        observedAt: new Date(T0.getTime() - 40 * DAY),
        expiresAt: new Date(T0.getTime() - 10 * DAY),
        sha256: "3d".repeat(32),
      }),
    ],
    // waived for s2 (the evidence alone gives missing there)
    waivers: [
      waiver({
        requirementId: "act:art-15-5",
        systemId: "s2",
        reason: "Scanner licence renewal pending;\nmanual review weekly.",
      }),
    ],
  }),
);

function reportData(over: { frameworks?: string[] | null } = {}): ReportData {
  return buildReportData({
    organization: { id: "org-1", slug: "acme", name: "Acme Bank" },
    snapshot: { id: "snap-1", asOf: new Date(result.asOf), digest: "9e".repeat(32), result },
    frameworks: [
      { id: "act", title: "EU AI Act", version: "2024/1689" },
      { id: "zt", title: "Zero Trust for AI", version: "1.0" },
    ],
    scope: { systems: null, frameworks: over.frameworks ?? null },
    generatedAt: new Date("2026-10-02T08:00:00Z"),
  });
}

const rowsOf = (data: ReportData) =>
  data.results.flatMap((fw) => fw.systems.flatMap((s) => s.rows.map((row) => ({ system: s, row }))));
const propValue = (props: { name: string; value: string }[] | undefined, name: string) =>
  props?.find((p) => p.name === name)?.value;
const propValues = (props: { name: string; value: string }[] | undefined, name: string) =>
  (props ?? []).filter((p) => p.name === name).map((p) => p.value);

describe("toOscalAssessmentResults", () => {
  const data = reportData();
  const doc = toOscalAssessmentResults(data, META);
  const ar = doc["assessment-results"];
  const [res] = ar.results;

  it("the fixture covers met, failing, missing, stale and waived rows and evidence with and without expiry", () => {
    const statuses = new Set(rowsOf(data).map((r) => r.row.status));
    for (const s of ["met", "failing", "missing", "stale", "waived"] as const) expect(statuses).toContain(s);
    expect(data.manifest.some((m) => m.expiresAt === null)).toBe(true);
    expect(data.manifest.some((m) => m.expiresAt !== null)).toBe(true);
    expect(data.scope.systems.map((s) => s.name)).toContain(ARABIC_NAME);
  });

  it("validates against the official OSCAL 1.1.3 assessment-results schema with zero errors", () => {
    expect(validateOscal("assessment-results", doc)).toEqual([]);
    // and through a JSON round trip, as it will be written to the audit pack
    expect(validateOscal("assessment-results", JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it("validates when a narrower scope leaves some lists empty (no observations)", () => {
    const zt = reportData({ frameworks: ["zt"] });
    const narrow = toOscalAssessmentResults(
      { ...zt, manifest: [], results: zt.results.map((fw) => ({ ...fw, systems: [] })) },
      META,
    );
    expect(narrow["assessment-results"].results[0].observations).toBeUndefined();
    expect(narrow["assessment-results"].results[0].findings).toBeUndefined();
    expect(validateOscal("assessment-results", narrow)).toEqual([]);
  });

  it("metadata names the organization and point in time and carries the report, snapshot and data digests", () => {
    expect(ar.metadata.title).toContain("Acme Bank");
    expect(ar.metadata.title).toContain(data.snapshot.asOf);
    expect(ar.metadata["last-modified"]).toBe(data.generatedAt);
    expect(ar.metadata["oscal-version"]).toBe("1.1.3");
    expect(propValue(ar.metadata.props, "report-id")).toBe(META.reportId);
    expect(propValue(ar.metadata.props, "snapshot-id")).toBe("snap-1");
    expect(propValue(ar.metadata.props, "snapshot-digest")).toBe("9e".repeat(32));
    expect(propValue(ar.metadata.props, "report-data-sha256")).toBe(META.dataSha256);
    expect(ar.metadata.props?.every((p) => p.ns === "https://assay.example/ns/oscal")).toBe(true);
  });

  it("import-ap points at the back-matter resource holding the readiness method", () => {
    const href = ar["import-ap"].href;
    const plan = ar["back-matter"].resources.find((r) => `#${r.uuid}` === href);
    expect(plan?.description).toBe(data.method.join("\n\n"));
    const catalogs = ar["back-matter"].resources.filter((r) => propValue(r.props, "resource-kind") === "catalog");
    expect(catalogs.map((r) => propValue(r.props, "framework-id"))).toEqual(["act", "zt"]);
  });

  it("one result starting at the snapshot's point in time, reviewing every assessed requirement under its OSCAL id", () => {
    expect(ar.results).toHaveLength(1);
    expect(res.start).toBe(data.snapshot.asOf);
    const selected = res["reviewed-controls"]["control-selections"].flatMap((s) =>
      (s["include-controls"] ?? []).map((c) => c["control-id"]),
    );
    const assessed = [...new Set(rowsOf(data).map((r) => r.row.requirementId))];
    expect(new Set(selected)).toEqual(new Set(assessed.map(oscalId)));
    expect(selected).toContain("art-9-2");
    expect(selected).toContain("identity.auth.mfa");
    const stableIds = res["reviewed-controls"]["control-selections"].flatMap((s) => propValues(s.props, "stable-id"));
    expect(new Set(stableIds)).toEqual(new Set(assessed));
  });

  it("one finding per (system, requirement) row, with satisfied only for met and waived as not-satisfied", () => {
    const rows = rowsOf(data);
    const findings = res.findings ?? [];
    expect(findings).toHaveLength(rows.length);
    rows.forEach(({ system, row }, i) => {
      const f = findings[i]!;
      expect(propValue(f.props, "system-id")).toBe(system.systemId);
      expect(propValue(f.props, "stable-id")).toBe(row.requirementId);
      expect(propValue(f.props, "assay-status")).toBe(row.status);
      expect(propValue(f.props, "evidence-status")).toBe(row.evidenceStatus);
      expect(f.description).toBe(row.summary);
      expect(f.target["target-id"]).toBe(`${oscalId(row.requirementId)}_smt`);
      expect(f.target.type).toBe("statement-id");
      expect(f.target.status.state).toBe(row.status === "met" ? "satisfied" : "not-satisfied");
      // the system name goes through unchanged, bidi controls included
      expect(f.title.endsWith(`: ${system.systemName}`)).toBe(true);
      const linked = (f["related-observations"] ?? []).map((o) => o["observation-uuid"]);
      const expected = row.evidence.map(
        (e) => res.observations?.find((o) => propValue(o.props, "evidence-id") === e.evidenceId)?.uuid,
      );
      expect(linked).toEqual(expected);
    });
    const byStatus = (s: string) => findings.filter((f) => propValue(f.props, "assay-status") === s);
    expect(byStatus("met").every((f) => f.target.status.reason === "pass")).toBe(true);
    expect(byStatus("failing").every((f) => f.target.status.reason === "fail")).toBe(true);
    const [waived] = byStatus("waived");
    expect(waived?.title).toContain(ARABIC_NAME);
    expect(waived?.target.status).toMatchObject({ state: "not-satisfied", reason: "other" });
    expect(waived?.target.status.remarks).toMatch(/exception w1/);
    expect(propValue(waived?.props, "covered-by-exception")).toBe("true");
    expect(propValue(waived?.props, "exception-id")).toBe("w1");
    // the reason is free text and goes through unchanged (line break included) in remarks
    expect(waived?.remarks).toContain("Scanner licence renewal pending;\nmanual review weekly.");
    expect(byStatus("stale")[0]?.["related-observations"]).toHaveLength(1);
  });

  it("one observation per manifest entry, with collected, expires when there is one, and the evidence hash", () => {
    const observations = res.observations ?? [];
    expect(observations).toHaveLength(data.manifest.length);
    data.manifest.forEach((m, i) => {
      const o = observations[i]!;
      expect(propValue(o.props, "evidence-id")).toBe(m.evidenceId);
      expect(o.collected).toBe(m.observedAt);
      expect(o.expires).toBe(m.expiresAt ?? undefined);
      expect("expires" in o).toBe(m.expiresAt !== null);
      expect(o.description).toContain(m.source);
      const evidence = o["relevant-evidence"]?.[0];
      expect(propValue(evidence?.props, "sha256")).toBe(m.sha256);
      expect(evidence?.href).toBe(`ni:///sha-256;${Buffer.from(m.sha256, "hex").toString("base64url")}`);
    });
    const method = (id: string) => observations.find((o) => propValue(o.props, "evidence-id") === id)?.methods;
    expect(method("ev-garak")).toEqual(["TEST"]);
    expect(method("ev-litellm")).toEqual(["EXAMINE"]);
    const stale = observations.find((o) => propValue(o.props, "evidence-id") === "ev-litellm");
    expect(stale?.types).toEqual(["control-objective", "historic"]);
  });

  it("is deterministic: same input gives byte-identical JSON; UUIDs are unique and depend on the report id", () => {
    const again = toOscalAssessmentResults(reportData(), META);
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    const text = JSON.stringify(doc);
    const uuids = [
      ar.uuid,
      res.uuid,
      ...(res.observations ?? []).map((o) => o.uuid),
      ...(res.findings ?? []).map((f) => f.uuid),
      ...ar["back-matter"].resources.map((r) => r.uuid),
    ];
    expect(new Set(uuids).size).toBe(uuids.length);
    const other = toOscalAssessmentResults(data, { ...META, reportId: "rep-other" });
    expect(other["assessment-results"].uuid).not.toBe(ar.uuid);
    expect(other["assessment-results"].results[0].uuid).not.toBe(res.uuid);
    expect(text).toContain(JSON.stringify(ARABIC_NAME).slice(1, -1));
  });

  it("folds what OSCAL prop values cannot hold (line breaks, edge spaces) and keeps the document valid", () => {
    const odd = toOscalAssessmentResults(
      { ...data, organization: { ...data.organization, slug: "  acme\nwest " } },
      { ...META, reportId: "\u200Frep 1 " },
    );
    const meta = odd["assessment-results"].metadata;
    expect(propValue(meta.parties?.[0]?.props, "organization-slug")).toBe("acme west");
    expect(propValue(meta.props, "report-id")).toBe("\u200Frep 1");
    expect(validateOscal("assessment-results", odd)).toEqual([]);
  });

  it("the validator really rejects broken documents", () => {
    const noTarget = structuredClone(doc) as unknown as {
      "assessment-results": { results: { findings: Record<string, unknown>[] }[] };
    };
    delete noTarget["assessment-results"].results[0]!.findings[0]!.target;
    expect(validateOscal("assessment-results", noTarget).join(" ")).toMatch(/target/);

    const colonId = structuredClone(doc);
    colonId["assessment-results"].results[0]["reviewed-controls"]["control-selections"][0]!["include-controls"]![0]![
      "control-id"
    ] = "eu-ai-act:art-26-6";
    expect(validateOscal("assessment-results", colonId)).not.toEqual([]);

    const satisfiedWaiver = structuredClone(doc) as unknown as {
      "assessment-results": { results: { findings: { target: { status: { state: string } } }[] }[] };
    };
    satisfiedWaiver["assessment-results"].results[0]!.findings[0]!.target.status.state = "waived";
    expect(validateOscal("assessment-results", satisfiedWaiver)).not.toEqual([]);

    const multiline = structuredClone(doc);
    multiline["assessment-results"].metadata.props![0]!.value = "two\nlines";
    expect(validateOscal("assessment-results", multiline)).not.toEqual([]);

    const noImportAp = structuredClone(doc) as unknown as { "assessment-results": Record<string, unknown> };
    delete noImportAp["assessment-results"]["import-ap"];
    expect(validateOscal("assessment-results", noImportAp).join(" ")).toMatch(/import-ap/);
  });
});

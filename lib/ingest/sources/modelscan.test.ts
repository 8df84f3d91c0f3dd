import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { modelscanAdapter } from "./modelscan.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureText = readFixture("modelscan-report.json", "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const summary = (overrides: Record<string, unknown> = {}) => ({
  total_issues_by_severity: { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 },
  total_issues: 0,
  input_path: "models/clean.pkl",
  absolute_path: "/work/models",
  modelscan_version: "0.8.5",
  timestamp: "2025-04-01T09:30:00.250000",
  scanned: { total_scanned: 1, scanned_files: ["clean.pkl"] },
  skipped: { total_skipped: 0, skipped_files: [] },
  ...overrides,
});

describe("modelscanAdapter", () => {
  it("reads the shared report fixture: one model-scan fail per issue", () => {
    const parsed = modelscanAdapter.parse(bytes(fixtureText), headers);
    expect(parsed.eventType).toBe("modelscan.report");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2024-11-19T12:00:00.000Z");
    expect(parsed.findings).toEqual([
      {
        key: "issue=unsafe_model.h5/Keras.Lambda/modelscan.scanners.H5LambdaDetectScan",
        subject: { kind: "model", name: "/foo/bar/unsafe_model.h5" },
        check: "model-scan",
        outcome: "fail",
        severity: "medium",
        title: "Use of unsafe operator 'Lambda' from module 'Keras'",
        observedAt: "2024-11-19T12:00:00.000Z",
        links: [],
        attributes: {
          file: "unsafe_model.h5",
          module: "Keras",
          operator: "Lambda",
          scanner: "modelscan.scanners.H5LambdaDetectScan",
        },
      },
      {
        key: "issue=models/pretrained.pkl/posix.system/modelscan.scanners.PickleUnsafeOpScan",
        subject: { kind: "model", name: "/foo/bar/unsafe_model.h5" },
        check: "model-scan",
        outcome: "fail",
        severity: "critical",
        title: "Use of unsafe operator 'system' from module 'posix'",
        observedAt: "2024-11-19T12:00:00.000Z",
        links: [],
        attributes: {
          file: "models/pretrained.pkl",
          module: "posix",
          operator: "system",
          scanner: "modelscan.scanners.PickleUnsafeOpScan",
        },
      },
    ]);
  });

  it("gives one pass for a clean report", () => {
    const parsed = modelscanAdapter.parse(json({ summary: summary(), issues: [], errors: [] }), headers);
    expect(parsed.effectiveAt).toBe("2025-04-01T09:30:00.250Z");
    expect(parsed.findings).toEqual([
      {
        key: "clean=models/clean.pkl",
        subject: { kind: "model", name: "models/clean.pkl" },
        check: "model-scan",
        outcome: "pass",
        severity: null,
        title: "modelscan found no unsafe code in models/clean.pkl",
        observedAt: "2025-04-01T09:30:00.250Z",
        links: [],
        attributes: { scannedFiles: 1, skippedFiles: 0, modelscanVersion: "0.8.5" },
      },
    ]);
  });

  it("reports scan errors as error findings, and a scan of no file as info", () => {
    const withErrors = modelscanAdapter.parse(
      json({
        summary: summary({ scanned: { total_scanned: 0 } }),
        issues: [],
        errors: [
          { category: "PICKLE_GENOPS", description: "Parsing error: unknown opcode", source: "models/broken.pkl" },
          "Error importing scanner modelscan.scanners.FooScan",
        ],
      }),
      headers,
    );
    expect(withErrors.findings.map((f) => [f.key, f.outcome, f.title])).toEqual([
      ["error=PICKLE_GENOPS/models/broken.pkl", "error", "modelscan could not scan models/broken.pkl (PICKLE_GENOPS)"],
      ["error=error/models/clean.pkl", "error", "modelscan could not scan models/clean.pkl"],
    ]);
    expect(withErrors.findings[0]).toMatchObject({
      detail: "Parsing error: unknown opcode",
      attributes: { file: "models/broken.pkl", category: "PICKLE_GENOPS" },
    });

    const nothing = modelscanAdapter.parse(
      json({ summary: summary({ scanned: { total_scanned: 0 }, skipped: { total_skipped: 3 } }), issues: [] }),
      headers,
    );
    expect(nothing.findings).toHaveLength(1);
    expect(nothing.findings[0]).toMatchObject({
      outcome: "info",
      title: "modelscan scanned no file in models/clean.pkl (3 skipped)",
    });
  });

  it("tolerates missing optional fields, unknown severities and extra fields", () => {
    const parsed = modelscanAdapter.parse(
      json({
        summary: { brandNew: true },
        issues: [{ operator: "eval", module: "builtins", severity: "SEVERE", extra: 1 }, { operator: "eval" }],
        futureSection: {},
      }),
      headers,
    );
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.severity, f.title])).toEqual([
      ["issue=model/builtins.eval/modelscan", null, "Unsafe operator builtins.eval in model"],
      ["issue=model/eval/modelscan", null, "Unsafe operator eval in model"],
    ]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "model", name: "model" });
  });

  it("reads a JSON array of reports with keys kept apart", () => {
    const clean = { summary: summary(), issues: [] };
    const parsed = modelscanAdapter.parse(json([clean, clean]), headers);
    expect(parsed.findings.map((f) => f.key)).toEqual([
      "report=0/clean=models/clean.pkl",
      "report=1/clean=models/clean.pkl",
    ]);
  });

  it("rejects what is not a modelscan report", () => {
    expect(errorOf(() => modelscanAdapter.parse(bytes("--- no issues found ---"), headers)).code).toBe("bad_request");
    expect(errorOf(() => modelscanAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => modelscanAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    const badIssues = errorOf(() => modelscanAdapter.parse(json({ summary: summary(), issues: "none" }), headers));
    expect(badIssues.code).toBe("validation_failed");
    expect(badIssues.message).toContain("issues");
  });
});

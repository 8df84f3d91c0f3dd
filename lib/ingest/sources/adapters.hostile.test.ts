// Every ingest adapter against hostile bodies (fast-check, fixed seed): random bytes, arbitrary JSON
// with huge strings and deep nesting, `__proto__`/`constructor`/`prototype` keys at every level of a real
// sample, type confusion on real samples (numbers as strings and vice versa), very long arrays, invalid
// UTF-8, NUL bytes and byte-order marks. Adapters are pure, so no database is involved.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURE_CASES } from "../../testing/evidence-fixture-cases.ts";
import { HOSTILE_SEED } from "../../testing/hostile-arbitraries.ts";
import { hostileBodies, loadSample, sampleFromValue, type HostileSample } from "../../testing/hostile-samples.ts";
import { outputProblems, unexpectedError, watchPrototypes } from "../../testing/hostile-checks.ts";
import { getSourceAdapter } from "../get-source-adapter.ts";
import { SOURCE_KINDS, type SourceKind } from "../source-kinds.ts";

const seed = HOSTILE_SEED;
console.log("fast-check seed", seed);

/** Runs per adapter; every run is one hostile body (≤ 60 KiB) parsed twice. */
const RUNS_PER_ADAPTER = 250;
/** A parse slower than this counts as a hang (the slowest seen is ~0.1 s for 60 KiB). */
const MAX_PARSE_MS = 2000;

const SAMPLES = new Map<SourceKind, HostileSample[]>();
for (const c of FIXTURE_CASES) SAMPLES.set(c.source, [...(SAMPLES.get(c.source) ?? []), loadSample(c.file)]);
SAMPLES.set("standard-webhooks", [
  sampleFromValue("(inline standard-webhooks envelope)", {
    type: "model.evaluated",
    timestamp: "2025-03-01T10:00:00Z",
    id: "msg_1",
    data: {
      findings: [
        {
          key: "eval/toxicity",
          check: "red-team",
          outcome: "fail",
          severity: "high",
          title: "Toxicity probe succeeded",
          subject: { kind: "model-version", name: "fraud-model", version: 3 },
          observedAt: 1740826800,
          links: ["https://tool.example/runs/1", "javascript:alert(1)"],
          attributes: { probe: "toxicity", passRate: 0.4, nested: { a: 1 } },
        },
      ],
    },
  }),
]);

/** The headers adapters read (event names), with their real values and hostile ones. */
const hostileHeaders: fc.Arbitrary<Headers> = fc
  .tuple(
    fc.constantFrom("x-github-event", "x-gitlab-event", "content-type", "ce-type", "aeg-event-type"),
    fc.oneof(
      fc.constantFrom(
        "workflow_run",
        "Pipeline Hook",
        "Vulnerability Hook",
        "__proto__",
        "constructor",
        "toString",
        "",
        "  ",
        "WORKFLOW_RUN",
        "application/jsonl",
        "application/cloudevents-batch+json",
      ),
      fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "").trim()),
    ),
    fc.boolean(),
  )
  .map(([name, value, none]) => (none ? new Headers() : new Headers({ [name]: value })));

describe("every adapter has a sample to mutate", () => {
  it("covers every source kind", () => {
    expect(SOURCE_KINDS.filter((k) => !SAMPLES.has(k))).toEqual([]);
  });
});

describe.each(SOURCE_KINDS.map((k) => [k] as const))("the %s adapter with hostile bodies", (kind) => {
  it(`returns exactly typed output or throws a 400/415/422 AppError, never pollutes prototypes, never hangs, and is pure (${RUNS_PER_ADAPTER} runs)`, () => {
    const adapter = getSourceAdapter(kind);
    const samples = SAMPLES.get(kind) ?? [];
    const outcomes = new Map<string, number>();
    let slowest = 0;
    const started = performance.now();
    fc.assert(
      fc.property(
        fc.constantFrom(...samples).chain((s) => hostileBodies(s)),
        hostileHeaders,
        ({ family, body }, headers) => {
          const watch = watchPrototypes();
          const copy = new Uint8Array(body);
          const t0 = performance.now();
          let outcome: string;
          let problems: string[] = [];
          try {
            const first = adapter.parse(body, headers);
            outcome = "ok";
            problems = outputProblems(first);
            // Pure: the worker re-parses the stored bytes and must get the same findings.
            const second = adapter.parse(body, headers);
            if (!isDeepStrictEqual(first, second)) problems.push("a second parse of the same bytes differs");
          } catch (error) {
            const unexpected = unexpectedError(error);
            outcome = unexpected ? "unexpected" : ((error as { code: string }).code ?? "?");
            if (unexpected) problems.push(unexpected);
          }
          const ms = performance.now() - t0;
          slowest = Math.max(slowest, ms);
          outcomes.set(`${family}:${outcome}`, (outcomes.get(`${family}:${outcome}`) ?? 0) + 1);
          if (ms > MAX_PARSE_MS) problems.push(`took ${Math.round(ms)} ms`);
          if (!isDeepStrictEqual(copy, body)) problems.push("the adapter changed the raw bytes it was given");
          problems.push(...watch());
          expect(problems, `${kind} / ${family}`).toEqual([]);
        },
      ),
      { seed, numRuns: RUNS_PER_ADAPTER },
    );
    console.log(
      `${kind}: ${RUNS_PER_ADAPTER} runs in ${Math.round(performance.now() - started)} ms, slowest parse ${slowest.toFixed(1)} ms; ` +
        JSON.stringify(Object.fromEntries([...outcomes].sort())),
    );
  });
});

describe("the hostile arbitraries reach what they claim to", () => {
  it("polluting keys survive into the body text and are dropped from every parsed copy", () => {
    // A sanity check of the generator: the proto-keys family really sends `__proto__` entries.
    const sample = SAMPLES.get("trivy")?.[0];
    expect(sample).toBeDefined();
    const bodies = fc.sample(hostileBodies(sample as HostileSample), { seed, numRuns: 400 });
    const withProto = bodies.filter(
      (b) => b.family === "proto-keys" && new TextDecoder().decode(b.body).includes('"__proto__":'),
    );
    expect(withProto.length).toBeGreaterThan(10);
    const families = new Set(bodies.map((b) => b.family));
    expect([...families].sort()).toEqual([
      "bytes",
      "deep",
      "json",
      "long-arrays",
      "proto-keys",
      "random-bytes",
      "type-confusion",
    ]);
  });
});

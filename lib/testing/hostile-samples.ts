// Hostile bodies built on real fixtures: the fixture as a tree, and every hostile family over it.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { fixturePath } from "./fixture-path.ts";
import {
  addPollutingKeys,
  confuseTypes,
  deeplyNested,
  fromJsonValue,
  hostileJsonTree,
  lengthenArrays,
  toJsonText,
  type HJson,
} from "./hostile-arbitraries.ts";
import { bodyBytes, byteAttack, MAX_HOSTILE_BYTES, randomBytes, shortPrint } from "./hostile-bytes.ts";

/** A real sample payload of one source, as bytes and as trees (one per JSON Lines line). */
export interface HostileSample {
  file: string;
  lines: boolean;
  bytes: Uint8Array;
  trees: HJson[];
}

/** Loads a shared fixture (lib/testing/fixtures/evidence/<file>) as a sample to mutate. */
export function loadSample(file: string): HostileSample {
  const bytes = new Uint8Array(readFileSync(fixturePath(`evidence/${file}`)));
  const text = new TextDecoder().decode(bytes);
  try {
    return { file, lines: false, bytes, trees: [fromJsonValue(JSON.parse(text))] };
  } catch {
    const trees = text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "")
      .map((l) => fromJsonValue(JSON.parse(l)));
    return { file, lines: true, bytes, trees };
  }
}

/** Serializes sample trees back to a body (JSON Lines when the sample was). */
export function sampleText(sample: HostileSample, trees: HJson[]): string {
  return sample.lines ? trees.map(toJsonText).join("\n") + "\n" : trees[0] ? toJsonText(trees[0]) : "null";
}

/**
 * Every hostile family over one sample, as body bytes: arbitrary JSON, deep nesting, polluting keys on
 * the sample, type confusion on the sample, very long arrays, byte-level attacks and random bytes.
 * `family` names which one produced the body (for the report and for per-family counting).
 */
export function hostileBodies(sample: HostileSample): fc.Arbitrary<{ family: string; body: Uint8Array }> {
  const tag =
    (family: string) =>
    (body: Uint8Array): { family: string; body: Uint8Array } => ({ family, body: shortPrint(body) });
  const onSample = (f: (tree: HJson, seed: number) => HJson) =>
    fc.integer().map((seed) =>
      bodyBytes(
        sampleText(
          sample,
          sample.trees.map((t, i) => f(t, seed + i)),
        ),
      ),
    );
  return fc.oneof(
    fc.tuple(hostileJsonTree(8)).map(([t]) => tag("json")(bodyBytes(toJsonText(t)))),
    deeplyNested.map((t) => tag("deep")(bodyBytes(toJsonText(t)))),
    onSample((t, s) => addPollutingKeys(t, s)).map(tag("proto-keys")),
    fc.tuple(fc.integer(), fc.constantFrom(0.05, 0.2, 0.5)).map(([seed, rate]) =>
      tag("type-confusion")(
        bodyBytes(
          sampleText(
            sample,
            sample.trees.map((t, i) => confuseTypes(t, seed + i, rate)),
          ),
        ),
      ),
    ),
    fc.integer().map((seed) =>
      tag("long-arrays")(
        bodyBytes(
          sampleText(
            sample,
            sample.trees.map((t, i) =>
              lengthenArrays(t, seed + i, Math.floor((0.8 * MAX_HOSTILE_BYTES) / Math.max(1, sample.trees.length))),
            ),
          ),
        ),
      ),
    ),
    byteAttack(sample.bytes).map(tag("bytes")),
    randomBytes.map(tag("random-bytes")),
  );
}

/** A sample built from a value rather than a fixture file (for sources without a shared fixture). */
export function sampleFromValue(file: string, value: unknown): HostileSample {
  const tree = fromJsonValue(value);
  return { file, lines: false, bytes: new TextEncoder().encode(toJsonText(tree)), trees: [tree] };
}

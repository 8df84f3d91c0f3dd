// Hostile JSON bodies built around an API's valid body (lib/orgs/org-json-api.hostile.test.ts).
import fc from "fast-check";
import {
  addPollutingKeys,
  confuseTypes,
  deeplyNested,
  fromJsonValue,
  hostileJsonTree,
  hostileString,
  incompressibleText,
  makeRng,
  toJsonText,
  type HJson,
} from "./hostile-arbitraries.ts";

/** Replaces the value at one random position of the tree (any depth) with `replacement`. */
function replaceSomewhere(root: HJson, rngSeed: number, replacement: HJson): HJson {
  const rng = makeRng(rngSeed);
  const copy = JSON.parse(JSON.stringify(root)) as HJson;
  const slots: { set: (v: HJson) => void }[] = [];
  const walk = (node: HJson): void => {
    if (node.t === "obj") {
      node.entries.forEach((entry) => {
        slots.push({ set: (v) => (entry[1] = v) });
        walk(entry[1]);
      });
    } else if (node.t === "arr") {
      node.items.forEach((item, i) => {
        slots.push({ set: (v) => (node.items[i] = v) });
        walk(item);
      });
    }
  };
  walk(copy);
  const slot = slots[Math.floor(rng() * slots.length)];
  if (!slot) return replacement;
  slot.set(replacement);
  return copy;
}

/** Replaces one string leaf of the tree (any depth) with `value`; the tree as is when it has none. */
export function replaceString(root: HJson, rngSeed: number, value: string): HJson {
  const rng = makeRng(rngSeed);
  const copy = JSON.parse(JSON.stringify(root)) as HJson;
  const strings: { value: string }[] = [];
  const walk = (node: HJson): void => {
    if (node.t === "str") strings.push(node);
    else if (node.t === "obj") node.entries.forEach(([, v]) => walk(v));
    else if (node.t === "arr") node.items.forEach(walk);
  };
  walk(copy);
  const target = strings[Math.floor(rng() * strings.length)];
  if (target) target.value = rng() < 0.5 ? value : `${target.value}${value}`;
  return copy;
}

/** Hostile bodies built around a route's valid body, as JSON text (≤ ~1 MiB, the API's limit). */
export function hostileApiBody(valid: Record<string, unknown>): fc.Arbitrary<{ family: string; text: string }> {
  const base = fromJsonValue(valid);
  const leaf = fc.oneof(
    hostileString.map((value): HJson => ({ t: "str", value })),
    hostileJsonTree(3),
    fc.constantFrom<HJson>(
      { t: "tok", text: "1e400" },
      { t: "tok", text: "-0" },
      { t: "tok", text: "123456789012345678901234567890" },
      { t: "tok", text: "null" },
      { t: "obj", entries: [] },
      { t: "arr", items: [] },
    ),
  );
  const tag = (family: string) => (t: HJson) => ({ family, text: toJsonText(t) });
  return fc.oneof(
    hostileJsonTree(6).map(tag("random")),
    fc.tuple(fc.integer(), leaf).map(([s, v]) => tag("field-replaced")(replaceSomewhere(base, s, v))),
    fc.tuple(fc.integer(), hostileString).map(([s, v]) => tag("string-field")(replaceString(base, s, v))),
    fc
      .tuple(fc.integer(), fc.constantFrom(0.1, 0.3, 0.7))
      .map(([s, rate]) => tag("type-confusion")(confuseTypes(base, s, rate))),
    fc.integer().map((s) => tag("proto-keys")(addPollutingKeys(base, s))),
    fc.tuple(fc.integer(), deeplyNested).map(([s, deep]) => tag("deep-field")(replaceSomewhere(base, s, deep))),
    fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({ family: "very-deep", text: "[".repeat(n) + "]".repeat(n) })),
    fc
      .tuple(fc.integer(), fc.integer({ min: 64 * 1024, max: 900 * 1024 }))
      .map(([s, n]) => tag("huge-string")(replaceSomewhere(base, s, { t: "str", value: incompressibleText(s, n) }))),
    fc.constantFrom("", " ", "null", "[]", "0", '"x"', "{", '{"a":1,}', "\ufeff{}", "{}garbage").map((text) => ({
      family: "malformed",
      text,
    })),
  );
}

// Shared fast-check arbitraries for the hostile-input suites (`*.hostile.test.ts`): random bytes, JSON
// with huge strings and deep nesting, prototype-polluting keys at every level, type confusion on real
// samples, very long arrays, invalid UTF-8, NUL bytes and byte-order marks. Every arbitrary is bounded
// so that one run stays well under 64 KiB and a few milliseconds.
import fc from "fast-check";
import { MAX_HOSTILE_BYTES } from "./hostile-bytes.ts";

/** The fixed seed of every hostile suite (each suite logs it with console.log). */
export const HOSTILE_SEED = 20261124;

/**
 * A JSON document as written, which plain JS values cannot always express: duplicate keys, `__proto__`
 * entries (an object literal would set the prototype instead), and number tokens exactly as sent
 * (`1e400`, `-0`, 30-digit integers).
 */
export type HJson =
  | { t: "tok"; text: string }
  | { t: "str"; value: string }
  | { t: "arr"; items: HJson[] }
  | { t: "obj"; entries: [string, HJson][] };

/** Keys that reach an object's prototype when a parser or a merge treats them naively. */
export const POLLUTING_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** Property names a polluting payload tries to plant on `Object.prototype`. */
export const POLLUTION_MARKERS = ["polluted", "isAdmin", "hostileMarker"] as const;

const tok = (text: string): HJson => ({ t: "tok", text });
const str = (value: string): HJson => ({ t: "str", value });
const arr = (items: HJson[]): HJson => ({ t: "arr", items });
const obj = (entries: [string, HJson][]): HJson => ({ t: "obj", entries });

/** Serializes an `HJson` tree (iteratively, so a deep tree cannot overflow the test's own stack). */
export function toJsonText(root: HJson): string {
  const out: string[] = [];
  const stack: (HJson | string)[] = [root];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    if (typeof next === "string") {
      out.push(next);
      continue;
    }
    switch (next.t) {
      case "tok":
        out.push(next.text);
        break;
      case "str":
        out.push(JSON.stringify(next.value));
        break;
      case "arr": {
        const parts: (HJson | string)[] = ["["];
        next.items.forEach((item, i) => {
          if (i > 0) parts.push(",");
          parts.push(item);
        });
        parts.push("]");
        for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as HJson | string);
        break;
      }
      case "obj": {
        const parts: (HJson | string)[] = ["{"];
        next.entries.forEach(([key, value], i) => {
          parts.push(`${i > 0 ? "," : ""}${JSON.stringify(key)}:`);
          parts.push(value);
        });
        parts.push("}");
        for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as HJson | string);
        break;
      }
    }
  }
  return out.join("");
}

/** The `HJson` tree of a parsed JSON value (own enumerable keys, in order). */
export function fromJsonValue(value: unknown): HJson {
  if (value === null) return tok("null");
  if (typeof value === "boolean" || typeof value === "number") return tok(JSON.stringify(value));
  if (typeof value === "string") return str(value);
  if (Array.isArray(value)) return arr(value.map(fromJsonValue));
  if (typeof value === "object") return obj(Object.entries(value).map(([k, v]) => [k, fromJsonValue(v)]));
  return tok("null");
}

/** A small deterministic PRNG (mulberry32), so a structural mutation is reproducible from one integer. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Text that is high-entropy (does not compress), from printable ASCII, of exactly `length` characters. */
export function incompressibleText(seed: number, length: number): string {
  const rng = makeRng(seed);
  let s = "";
  for (let i = 0; i < length; i++) s += String.fromCharCode(33 + Math.floor(rng() * 94));
  return s;
}

/** Strings that have broken parsers, databases and spreadsheets before. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d\ude00",
  "\u202eevil\u202c",
  "\ufeff",
  "\r\n",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "then",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "true",
  "null",
  "2025-01-05T10:00:00Z",
  "-271821-04-19T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "99999-12-31",
  "0000-00-00",
  "javascript:alert(1)",
  "http://",
  "https://x.test/\u0000",
  "https://" + "a".repeat(3000),
  '{"__proto__":{"polluted":"yes"}}',
  '[{"constructor":{"prototype":{"polluted":"yes"}}}]',
  "[[[[[[[[",
  '=HYPERLINK("http://evil.test")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\t=1+1",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "%00%ff",
  "\u0085\u2028\u2029",
];

/** Number tokens as a sender might write them, including ones JavaScript reads as Infinity, -0 or rounded. */
export const NASTY_NUMBER_TOKENS: readonly string[] = [
  "0",
  "-0",
  "1",
  "-1",
  "0.5",
  "1e400",
  "-1e400",
  "1E-400",
  "9007199254740993",
  "123456789012345678901234567890",
  "-8640000000000001",
  "8640000000000000",
  "-8640000000000",
  "1.7976931348623157e308",
  "4294967296",
  "1e21",
];

/** A hostile string: ordinary, any code point, a known-nasty one, or a huge one (up to 16 KiB). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer(), fc.integer({ min: 1024, max: 16 * 1024 }))
      .map(([seed, n]) => incompressibleText(seed, n)),
  },
);

/** A hostile object key: ordinary, prototype-polluting, an inherited method name, or any code points. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...POLLUTING_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("toString", "valueOf", "hasOwnProperty", "__defineGetter__", "length", "") },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

const hostileNumberToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_NUMBER_TOKENS),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
);

const hostileLeaf: fc.Arbitrary<HJson> = fc.oneof(
  hostileString.map(str),
  hostileNumberToken.map(tok),
  fc.constantFrom("true", "false", "null").map(tok),
);

/** Arbitrary JSON documents (as trees) with hostile keys, strings and numbers, nested up to `maxDepth`. */
export function hostileJsonTree(maxDepth = 8): fc.Arbitrary<HJson> {
  const { node } = fc.letrec<{ node: HJson }>((tie) => ({
    node: fc.oneof(
      { maxDepth, depthSize: "small", withCrossShrink: true },
      hostileLeaf,
      fc.array(tie("node"), { maxLength: 6 }).map(arr),
      fc.array(fc.tuple(hostileKey, tie("node")), { maxLength: 6 }).map(obj),
    ),
  }));
  return node;
}

/** Wraps `inner` in `depth` levels of arrays and objects (beyond the 64 levels ingestion allows, too). */
export const deeplyNested: fc.Arbitrary<HJson> = fc
  .tuple(
    fc.integer({ min: 1, max: 400 }),
    fc.constantFrom("array", "object", "mixed"),
    hostileJsonTree(2),
    fc.integer(),
  )
  .map(([depth, kind, inner, seed]) => {
    const rng = makeRng(seed);
    let node = inner;
    for (let i = 0; i < depth; i++) {
      const asArray = kind === "array" || (kind === "mixed" && rng() < 0.5);
      node = asArray ? arr([node]) : obj([[pick(rng, ["a", "data", "__proto__", "findings"]), node]]);
    }
    return node;
  });

/** What a polluting entry carries: a payload that would mark `Object.prototype` if it were merged. */
function pollutingPayload(rng: () => number): HJson {
  const marker = obj(POLLUTION_MARKERS.map((m): [string, HJson] => [m, str("yes")]));
  switch (Math.floor(rng() * 4)) {
    case 0:
      return marker;
    case 1:
      return obj([["prototype", marker]]);
    case 2:
      return str(toJsonText(obj([["__proto__", marker]])));
    default:
      return arr([marker, obj([["constructor", obj([["prototype", marker]])]])]);
  }
}

/**
 * Adds `__proto__`, `constructor` and `prototype` entries to every object of the tree (at the start, at
 * the end, or as duplicates of existing keys), and sometimes replaces a string with JSON text that
 * carries them (adapters unwrap JSON-in-JSON).
 */
export function addPollutingKeys(root: HJson, seed: number): HJson {
  const rng = makeRng(seed);
  const walk = (node: HJson): HJson => {
    switch (node.t) {
      case "tok":
        return node;
      case "str":
        return rng() < 0.1 ? str(toJsonText(obj([[pick(rng, POLLUTING_KEYS), pollutingPayload(rng)]]))) : node;
      case "arr":
        return arr(node.items.map(walk));
      case "obj": {
        const entries: [string, HJson][] = node.entries.map(([k, v]) => [k, walk(v)]);
        for (const key of POLLUTING_KEYS) {
          const entry: [string, HJson] = [key, pollutingPayload(rng)];
          if (rng() < 0.5) entries.unshift(entry);
          else entries.push(entry);
        }
        const existing = node.entries[Math.floor(rng() * node.entries.length)];
        if (existing && rng() < 0.5) entries.push([existing[0], pollutingPayload(rng)]);
        return obj(entries);
      }
    }
  };
  return walk(root);
}

/**
 * Type confusion: with probability `rate` per node, numbers become strings and strings numbers,
 * booleans become `"true"`/`1`, `null` becomes `{}`/`[]`/`""`, objects become arrays or strings and
 * arrays objects or scalars, and some values become nasty strings or number tokens.
 */
export function confuseTypes(root: HJson, seed: number, rate: number): HJson {
  const rng = makeRng(seed);
  const walk = (node: HJson): HJson => {
    const hit = rng() < rate;
    switch (node.t) {
      case "tok": {
        if (!hit) return node;
        if (node.text === "null") return pick(rng, [obj([]), arr([]), str(""), tok("0"), str("null")]);
        if (node.text === "true" || node.text === "false") {
          return pick(rng, [str(node.text), tok(node.text === "true" ? "1" : "0"), str("yes"), tok("null")]);
        }
        return pick(rng, [
          str(node.text),
          str(` ${node.text} `),
          tok(pick(rng, NASTY_NUMBER_TOKENS)),
          tok("true"),
          arr([node]),
          str(pick(rng, NASTY_STRINGS)),
        ]);
      }
      case "str": {
        if (!hit) return node;
        const asNumber = Number(node.value);
        return pick(rng, [
          tok(Number.isFinite(asNumber) && node.value.trim() !== "" ? JSON.stringify(asNumber) : "0"),
          tok(pick(rng, NASTY_NUMBER_TOKENS)),
          tok("null"),
          tok("false"),
          arr([node]),
          obj([["value", node]]),
          str(pick(rng, NASTY_STRINGS)),
          str(node.value + pick(rng, NASTY_STRINGS)),
        ]);
      }
      case "arr": {
        const items = node.items.map(walk);
        if (!hit) return arr(items);
        return pick(rng, [
          obj(items.map((v, i): [string, HJson] => [String(i), v])),
          items[0] ?? tok("null"),
          str(toJsonText(arr(items))),
          tok("7"),
        ]);
      }
      case "obj": {
        const entries: [string, HJson][] = node.entries.map(([k, v]) => [k, walk(v)]);
        if (!hit) return obj(entries);
        return pick(rng, [
          arr(entries.map(([, v]) => v)),
          str(toJsonText(obj(entries))),
          tok("null"),
          obj(entries.slice(0, Math.floor(rng() * (entries.length + 1)))),
          arr([obj(entries), obj(entries)]),
        ]);
      }
    }
  };
  return walk(root);
}

/**
 * Very long arrays: one array of the tree (or the whole document, as a batch) repeated until the
 * serialized body nears `maxBytes`.
 */
export function lengthenArrays(root: HJson, seed: number, maxBytes: number = MAX_HOSTILE_BYTES): HJson {
  const rng = makeRng(seed);
  const arrays: { t: "arr"; items: HJson[] }[] = [];
  const collect = (node: HJson): void => {
    if (node.t === "arr") {
      arrays.push(node);
      node.items.forEach(collect);
    } else if (node.t === "obj") node.entries.forEach(([, v]) => collect(v));
  };
  const copy = JSON.parse(JSON.stringify(root)) as HJson;
  collect(copy);
  const size = toJsonText(copy).length;
  if (arrays.length === 0 || rng() < 0.3) {
    const count = Math.max(1, Math.min(5000, Math.floor(maxBytes / Math.max(1, size + 1))));
    return arr(Array.from({ length: count }, () => copy));
  }
  const target = pick(rng, arrays);
  const unit = target.items.length > 0 ? target.items : [tok("0")];
  const unitSize = unit.reduce((n, item) => n + toJsonText(item).length + 1, 0);
  const budget = Math.max(0, maxBytes - size);
  const times = Math.max(1, Math.min(20_000, Math.floor(budget / Math.max(1, unitSize))));
  const items: HJson[] = [];
  for (let i = 0; i < times; i++) items.push(...unit);
  target.items = items.slice(0, 20_000);
  return copy;
}

// Byte-level hostile inputs (issue 7, hostile input): invalid UTF-8, byte-order marks and UTF-16,
// truncation, random bytes, and a printable form for fast-check's counterexamples.
import fc from "fast-check";

/** The largest body a hostile arbitrary produces (serialized), so runs stay fast. */
export const MAX_HOSTILE_BYTES = 60 * 1024;

const utf8 = new TextEncoder();

/** Body bytes of a text, cut to at most `MAX_HOSTILE_BYTES` (a cut may leave invalid UTF-8, on purpose). */
export function bodyBytes(text: string, max: number = MAX_HOSTILE_BYTES): Uint8Array {
  const bytes = utf8.encode(text);
  return bytes.byteLength > max ? bytes.slice(0, max) : bytes;
}

/** Byte sequences that are not UTF-8: overlong forms, surrogates, stray continuation bytes, cut sequences. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80],
  [0xbf],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
];

const BOMS: Record<string, readonly number[]> = {
  utf8: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  utf32le: [0xff, 0xfe, 0x00, 0x00],
};

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Byte-level attacks on a body: invalid UTF-8 or NUL bytes inserted (inside strings or between
 * tokens), a BOM in front (UTF-8, or UTF-16/32 with the text re-encoded to match, or a mismatching one),
 * several BOMs, trailing garbage, and truncation.
 */
export function byteAttack(body: Uint8Array): fc.Arbitrary<Uint8Array> {
  const text = new TextDecoder().decode(body);
  const at = fc.nat({ max: Math.max(0, body.length) });
  return fc.oneof(
    fc
      .tuple(at, fc.constantFrom(...INVALID_UTF8))
      .map(([i, seq]) => concat(body.subarray(0, i), seq, body.subarray(i))),
    fc
      .tuple(fc.array(at, { minLength: 1, maxLength: 4 }), fc.constantFrom([0x00], [0x00, 0x00], [0x5c, 0x30]))
      .map(([positions, seq]) => {
        let out = body;
        for (const i of positions.sort((a, b) => b - a)) out = concat(out.subarray(0, i), seq, out.subarray(i));
        return out;
      }),
    fc.constantFrom(
      concat(BOMS.utf8 ?? [], body),
      concat(BOMS.utf8 ?? [], BOMS.utf8 ?? [], body),
      concat(BOMS.utf16le ?? [], utf16(text.slice(0, MAX_HOSTILE_BYTES / 2), false)),
      concat(BOMS.utf16be ?? [], utf16(text.slice(0, MAX_HOSTILE_BYTES / 2), true)),
      concat(BOMS.utf16le ?? [], body),
      concat(BOMS.utf32le ?? [], body),
      utf16(text.slice(0, MAX_HOSTILE_BYTES / 2), false),
      concat(body, [0x00]),
      concat(body, utf8.encode("\n}garbage")),
    ),
    fc.nat({ max: Math.max(0, body.length - 1) }).map((n) => body.slice(0, n)),
  );
}

/** Random bytes (up to 4 KiB), sometimes starting like JSON so that they get past a first glance. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .tuple(fc.constantFrom("{", "[", '{"', "\ufeff{"), fc.uint8Array({ maxLength: 2048 }))
    .map(([start, rest]) => concat(utf8.encode(start), rest)),
);

/**
 * Makes fast-check print a body as its size and first 160 characters instead of every byte, so a
 * counterexample of 60 KiB stays readable. Returns the same array.
 */
export function shortPrint<T extends Uint8Array>(body: T): T {
  const preview = Buffer.from(body.subarray(0, 160)).toString("utf8");
  Object.defineProperty(body, fc.toStringMethod, {
    value: () => `<${body.byteLength} bytes: ${JSON.stringify(preview)}${body.byteLength > 160 ? "…" : ""}>`,
    enumerable: false,
    configurable: true,
  });
  return body;
}

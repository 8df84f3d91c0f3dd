import { readFileSync } from "node:fs";
import { fixturePath } from "../../../testing/fixture-path.ts";

/**
 * For tests: a shared evidence fixture (`lib/testing/fixtures/evidence/<name>`) as bytes, the way an
 * adapter receives a body, or with `"utf8"` as text (to read it as JSON or to build variants of it).
 */
export function readFixture(name: string): Uint8Array;
export function readFixture(name: string, encoding: "utf8"): string;
export function readFixture(name: string, encoding?: "utf8"): Uint8Array | string {
  const path = fixturePath(`evidence/${name}`);
  return encoding === undefined ? new Uint8Array(readFileSync(path)) : readFileSync(path, encoding);
}

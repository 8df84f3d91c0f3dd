import { isRecord } from "./is-record.ts";

/** `value` when it is a plain JSON object (not null, not an array), else null: for optional chaining. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

import { MAX_WAIVER_DAYS } from "../waivers/waiver-input.ts";

const DAY = 86_400_000;

/**
 * The dates a new waiver may end on (YYYY-MM-DD, UTC), for the date picker: from tomorrow (a waiver ends
 * when its day starts, so it must be after now) to MAX_WAIVER_DAYS ahead. The server checks again.
 */
export function waiverDateBounds(now: Date = new Date()): { min: string; max: string } {
  return {
    min: new Date(now.getTime() + DAY).toISOString().slice(0, 10),
    max: new Date(now.getTime() + MAX_WAIVER_DAYS * DAY).toISOString().slice(0, 10),
  };
}

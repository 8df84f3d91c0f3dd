import type { NormalizedFinding } from "../../source-adapter.ts";
import { truncateText } from "./truncate-text.ts";

/** The gateway a record it does not recognise came from, as an adapter names it. */
export interface UnrecognisedSource {
  /** The subject of the finding and the prefix of its `eventType` (`<gateway>.unknown`), e.g. `kong`. */
  gateway: string;
  /** What the records are expected to be, for the title, e.g. `Kong log record`. */
  label: string;
}

/**
 * The `event`/info finding (key `key`) that keeps a record an adapter does not recognise, rather than
 * rejecting the delivery. The title names up to eight of the record's keys; none of its values is copied.
 */
export function makeUnrecognisedFinding(
  record: Record<string, unknown>,
  key: string,
  source: UnrecognisedSource,
): NormalizedFinding {
  const keys = Object.keys(record).slice(0, 8).join(", ");
  return {
    key,
    subject: { kind: "gateway", name: source.gateway },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(`Unrecognised ${source.label} (keys: ${keys || "none"})`, 500),
    observedAt: null,
    links: [],
    attributes: { eventType: `${source.gateway}.unknown` },
  };
}

import { z } from "zod";
import { isHttpLink } from "../shared/is-http-link.ts";
import { isRecord } from "../shared/is-record.ts";
import { lenientString } from "../shared/lenient-string.ts";
import { readString } from "../shared/read-string.ts";

/** What a garak report says about its run, read from its setup, init, digest and other records. */
export interface GarakRunContext {
  runId: string | null;
  startTime: string | null;
  targetType: string | null;
  targetName: string | null;
  /** Probe module (e.g. `lmrc`) to its reference page, from the digest's group summaries. */
  groupLinks: Map<string, string>;
}

const digestSchema = z.looseObject({
  meta: z
    .looseObject({
      start_time: lenientString,
      run_uuid: lenientString,
      target_type: lenientString,
      target_name: lenientString,
      model_type: lenientString,
      model_name: lenientString,
    })
    .nullish()
    .catch(null),
  eval: z.record(z.string(), z.unknown()).nullish().catch(null),
});

/**
 * The run id, start time and target of a garak report. The `init` record wins (in an aggregated report
 * it names the new run, while the setup keeps the original one); the setup, digest, the other records' `run`
 * and the hit log's `run_id`/`generator` fill what it leaves out.
 */
export function readGarakContext(records: readonly Record<string, unknown>[]): GarakRunContext {
  const context: GarakRunContext = {
    runId: null,
    startTime: null,
    targetType: null,
    targetName: null,
    groupLinks: new Map(),
  };
  let fallbackRunId: string | null = null;
  let fallbackStart: string | null = null;
  let hitGenerator: string | null = null;
  for (const record of records) {
    switch (record.entry_type) {
      case "start_run setup":
        fallbackRunId ??= readString(record["transient.run_id"]);
        fallbackStart ??= readString(record["transient.starttime_iso"]);
        context.targetType ??= readString(record["plugins.target_type"]) ?? readString(record["plugins.model_type"]);
        context.targetName ??= readString(record["plugins.target_name"]) ?? readString(record["plugins.model_name"]);
        break;
      case "init":
        context.runId ??= readString(record.run);
        context.startTime ??= readString(record.start_time);
        break;
      case "digest": {
        const digest = digestSchema.safeParse(record);
        if (!digest.success) break;
        const meta = digest.data.meta;
        fallbackRunId ??= readString(meta?.run_uuid);
        fallbackStart ??= readString(meta?.start_time);
        context.targetType ??= readString(meta?.target_type) ?? readString(meta?.model_type);
        context.targetName ??= readString(meta?.target_name) ?? readString(meta?.model_name);
        for (const [group, value] of Object.entries(digest.data.eval ?? {})) {
          const summary = isRecord(value) && isRecord(value._summary) ? value._summary : null;
          const link = summary ? readString(summary.group_link) : null;
          if (isHttpLink(link)) context.groupLinks.set(group, link);
        }
        break;
      }
      case undefined:
        fallbackRunId ??= readString(record.run_id);
        hitGenerator ??= readString(record.generator);
        break;
      default:
        // completion, and the eval and attempt records of recent releases, carry the run id too
        fallbackRunId ??= readString(record.run);
    }
  }
  context.runId ??= fallbackRunId;
  context.startTime ??= fallbackStart;
  if (context.targetType === null && context.targetName === null && hitGenerator !== null) {
    // The hit log names the target "<target_type> <target_name>"; Python prints a missing name as None.
    const [type, ...rest] = hitGenerator.split(" ");
    const name = rest.join(" ");
    context.targetType = type === undefined || type === "" ? null : type;
    context.targetName = name === "" || name === "None" ? null : name;
  }
  return context;
}

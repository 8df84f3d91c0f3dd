import { z } from "zod";

/** What a garak report says about its run, read from its setup, init, digest and other records. */
export interface GarakRunContext {
  runId: string | null;
  startTime: string | null;
  targetType: string | null;
  targetName: string | null;
  /** Probe module (e.g. `lmrc`) to its reference page, from the digest's group summaries. */
  groupLinks: Map<string, string>;
}

const lenientText = z.string().nullish().catch(null);

const digestSchema = z.looseObject({
  meta: z
    .looseObject({
      start_time: lenientText,
      run_uuid: lenientText,
      target_type: lenientText,
      target_name: lenientText,
      model_type: lenientText,
      model_name: lenientText,
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
        fallbackRunId ??= text(record["transient.run_id"]);
        fallbackStart ??= text(record["transient.starttime_iso"]);
        context.targetType ??= text(record["plugins.target_type"]) ?? text(record["plugins.model_type"]);
        context.targetName ??= text(record["plugins.target_name"]) ?? text(record["plugins.model_name"]);
        break;
      case "init":
        context.runId ??= text(record.run);
        context.startTime ??= text(record.start_time);
        break;
      case "digest": {
        const digest = digestSchema.safeParse(record);
        if (!digest.success) break;
        const meta = digest.data.meta;
        fallbackRunId ??= text(meta?.run_uuid);
        fallbackStart ??= text(meta?.start_time);
        context.targetType ??= text(meta?.target_type) ?? text(meta?.model_type);
        context.targetName ??= text(meta?.target_name) ?? text(meta?.model_name);
        for (const [group, value] of Object.entries(digest.data.eval ?? {})) {
          const summary = isRecord(value) && isRecord(value._summary) ? value._summary : null;
          const link = summary ? text(summary.group_link) : null;
          if (link && /^https?:\/\/\S+$/i.test(link)) context.groupLinks.set(group, link);
        }
        break;
      }
      case undefined:
        fallbackRunId ??= text(record.run_id);
        hitGenerator ??= text(record.generator);
        break;
      default:
        // completion, and the eval and attempt records of recent releases, carry the run id too
        fallbackRunId ??= text(record.run);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

import { z } from "zod";
import { isRecord } from "../shared/is-record.ts";
import { lenientList } from "../shared/lenient-list.ts";
import { lenientRecord } from "../shared/lenient-record.ts";
import { lenientString } from "../shared/lenient-string.ts";
import { toIsoTime, type ToIsoTimeOptions } from "../shared/to-iso-time.ts";

/** The facts Assay keeps from a SLSA provenance predicate, the same for v1 and v0.2. */
export interface ProvenanceFacts {
  builderId: string | null;
  buildType: string | null;
  /** Source repository URL (git+ prefix and @ref suffix removed). */
  sourceRepository: string | null;
  sourceRef: string | null;
  sourceCommit: string | null;
  invocationId: string | null;
  startedOn: string | null;
  finishedOn: string | null;
}

/** Provenance times: RFC 3339, or epoch seconds/milliseconds. */
const BUILD_TIME: ToIsoTimeOptions = { epochSecondsBelow: 1e11, text: "any" };
const descriptor = z.looseObject({ uri: lenientString, name: lenientString, digest: lenientRecord });

const v1Schema = z.looseObject({
  buildDefinition: z
    .looseObject({ buildType: lenientString, externalParameters: lenientRecord, resolvedDependencies: lenientList })
    .nullish()
    .catch(null),
  runDetails: z
    .looseObject({
      builder: z.looseObject({ id: lenientString }).nullish().catch(null),
      metadata: z
        .looseObject({ invocationId: lenientString, startedOn: lenientString, finishedOn: lenientString })
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
});

const v02Schema = z.looseObject({
  builder: z.looseObject({ id: lenientString }).nullish().catch(null),
  buildType: lenientString,
  invocation: z
    .looseObject({
      configSource: z
        .looseObject({ uri: lenientString, digest: lenientRecord, entryPoint: lenientString })
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
  metadata: z
    .looseObject({ buildInvocationId: lenientString, buildStartedOn: lenientString, buildFinishedOn: lenientString })
    .nullish()
    .catch(null),
  materials: lenientList,
});

/**
 * Reads builder, build type, source and run facts from a SLSA provenance predicate. v1
 * (https://slsa.dev/spec/v1.0/provenance: `buildDefinition` + `runDetails`) takes the source from
 * `externalParameters.workflow` (the GitHub Actions build type written by actions/attest-build-provenance
 * and slsa-github-generator) or any `externalParameters.*.repository`, else from the first resolved
 * dependency with a git commit digest. v0.2 (https://slsa.dev/spec/v0.2/provenance) takes it from
 * `invocation.configSource`, else from the materials. Every field is optional; wrong types read as null.
 */
export function readProvenanceFacts(version: "v1" | "v0.2", predicate: unknown): ProvenanceFacts {
  if (version === "v1") {
    const p = v1Schema.safeParse(predicate);
    const d = p.success ? p.data : null;
    const external = d?.buildDefinition?.externalParameters ?? null;
    const declared = findDeclaredSource(external);
    const dep = findGitDependency(d?.buildDefinition?.resolvedDependencies ?? null);
    const meta = d?.runDetails?.metadata;
    return {
      builderId: d?.runDetails?.builder?.id ?? null,
      buildType: d?.buildDefinition?.buildType ?? null,
      sourceRepository: declared.repository ?? dep?.repository ?? null,
      sourceRef: declared.ref ?? dep?.ref ?? null,
      sourceCommit: dep?.commit ?? null,
      invocationId: meta?.invocationId ?? null,
      startedOn: toIsoTime(meta?.startedOn, BUILD_TIME),
      finishedOn: toIsoTime(meta?.finishedOn, BUILD_TIME),
    };
  }
  const p = v02Schema.safeParse(predicate);
  const d = p.success ? p.data : null;
  const config = d?.invocation?.configSource;
  const configUri = config?.uri ? splitSourceUri(config.uri) : null;
  const material = findGitDependency(d?.materials ?? null);
  return {
    builderId: d?.builder?.id ?? null,
    buildType: d?.buildType ?? null,
    sourceRepository: configUri?.repository ?? material?.repository ?? null,
    sourceRef: configUri?.ref ?? material?.ref ?? null,
    sourceCommit: (config ? commitOf(config.digest) : null) ?? material?.commit ?? null,
    invocationId: d?.metadata?.buildInvocationId ?? null,
    startedOn: toIsoTime(d?.metadata?.buildStartedOn, BUILD_TIME),
    finishedOn: toIsoTime(d?.metadata?.buildFinishedOn, BUILD_TIME),
  };
}

function findDeclaredSource(external: Record<string, unknown> | null): { repository?: string; ref?: string } {
  if (!external) return {};
  const candidates = [external.workflow, external.source, ...Object.values(external)];
  for (const c of candidates) {
    if (!isRecord(c)) continue;
    const rec = c;
    if (typeof rec.repository === "string" && rec.repository !== "") {
      return { repository: rec.repository, ...(typeof rec.ref === "string" ? { ref: rec.ref } : {}) };
    }
  }
  return {};
}

interface GitDependency {
  repository: string;
  ref: string | null;
  commit: string | null;
}

function findGitDependency(list: unknown[] | null): GitDependency | null {
  for (const item of list ?? []) {
    const r = descriptor.safeParse(item);
    if (!r.success || !r.data.uri) continue;
    const commit = commitOf(r.data.digest);
    if (commit === null && !r.data.uri.startsWith("git+")) continue;
    const split = splitSourceUri(r.data.uri);
    return { repository: split.repository, ref: split.ref, commit };
  }
  return null;
}

function commitOf(digest: Record<string, unknown> | null | undefined): string | null {
  const value = digest?.gitCommit ?? digest?.sha1;
  return typeof value === "string" && value !== "" ? value : null;
}

/** `git+https://github.com/o/r@refs/heads/main` -> repository `https://github.com/o/r`, ref `refs/heads/main`. */
function splitSourceUri(uri: string): { repository: string; ref: string | null } {
  const bare = uri.startsWith("git+") ? uri.slice(4) : uri;
  const scheme = bare.indexOf("://");
  const path = bare.indexOf("/", scheme >= 0 ? scheme + 3 : 0);
  const at = path < 0 ? -1 : bare.indexOf("@", path);
  if (at < 0) return { repository: bare, ref: null };
  return { repository: bare.slice(0, at), ref: bare.slice(at + 1) || null };
}

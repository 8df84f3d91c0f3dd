import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { lenientBoolean } from "./shared/lenient-boolean.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientRecord } from "./shared/lenient-record.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { normalizeHttpLinks } from "./shared/normalize-http-links.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Hugging Face Hub webhooks, payload version 3 (huggingface/hub-docs `docs/hub/webhooks.md`):
 * `{ event: { action, scope }, repo: { type, name, id, private, url, headSha?, tags? }, updatedRefs?,
 * updatedConfig?, discussion?, comment?, webhook: { id, version } }`. The Hub authenticates with the
 * plain `X-Webhook-Secret` header, sends no delivery id and no event time, so `deliveryId` and
 * `effectiveAt` are null (the receiver's clock is the only time there is).
 *
 * `eventType` is `<scope>.<action>`, e.g. `repo.content.update`, `discussion.create`.
 * - scopes `repo`, `repo.content`, `repo.config` and any narrower `repo.*` scope (the Hub says to read a
 *   future narrower scope as an update of the broader one) -> one `registry-event`/info finding about the
 *   repository (subject kind `model`/`dataset`, Spaces `other`; `revision` = the head commit);
 * - scope `discussion` on a Pull Request whose status is `merged` -> `registry-event`/info (the merge
 *   changed the repository);
 * - other `discussion*` scopes (discussions, PRs opened, comments) -> `event`/info: community activity,
 *   not a registry change; comment text is never copied;
 * - unknown scopes -> `event`/info naming the scope.
 * Attributes: `eventType`, `scope`, `action`, `repoType`, `repo`, `private`, `headSha`, `refs` (the
 * updated refs, comma-separated), `createdRefs`, `deletedRefs`, `updatedConfig` (keys), `discussionNum`,
 * `isPullRequest`, `discussionStatus`.
 */

const urlSchema = z.looseObject({ web: lenientText, api: lenientText }).nullish().catch(null);

const payloadSchema = z.looseObject({
  event: z.looseObject({
    action: z.string({ error: 'required: the Hub event action, e.g. "update"' }).min(1),
    scope: z.string({ error: 'required: the Hub event scope, e.g. "repo.content"' }).min(1),
  }),
  repo: z
    .looseObject({
      type: lenientText,
      name: lenientText,
      id: lenientText,
      private: lenientBoolean,
      headSha: lenientText,
      url: urlSchema,
    })
    .nullish()
    .catch(null),
  updatedRefs: z
    .array(z.looseObject({ ref: z.string(), oldSha: lenientText, newSha: lenientText }))
    .nullish()
    .catch(null),
  updatedConfig: lenientRecord,
  discussion: z
    .looseObject({
      id: lenientText,
      title: lenientText,
      num: lenientNumber,
      status: lenientText,
      isPullRequest: lenientBoolean,
      url: urlSchema,
    })
    .nullish()
    .catch(null),
  comment: z.looseObject({ id: lenientText, url: urlSchema }).nullish().catch(null),
});

type Payload = z.output<typeof payloadSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Hugging Face webhook payload");
  const batch = Array.isArray(body);
  if (batch && body.length === 0) {
    throw new AppError("validation_failed", "This is not a Hugging Face webhook payload: the array holds no events.");
  }
  const payloads = batch
    ? parseSourceShape(z.array(payloadSchema), body, "Hugging Face webhook")
    : [parseSourceShape(payloadSchema, body, "Hugging Face webhook")];
  const findings = payloads.map((payload, index) => payloadFinding(payload, payloads.length > 1 ? `${index}/` : ""));
  const types = [...new Set(payloads.map((p) => `${p.event.scope}.${p.event.action}`))];
  return {
    eventType: truncateText(types.join(","), 200),
    deliveryId: null,
    effectiveAt: null,
    findings: makeKeysUnique(findings),
  };
}

function payloadFinding(payload: Payload, prefix: string): NormalizedFinding {
  const { scope, action } = payload.event;
  const eventType = `${scope}.${action}`;
  const repo = payload.repo;
  const repoType = repo?.type ?? null;
  const repoName = repo?.name ?? repo?.id ?? "(unknown repository)";
  const refs = payload.updatedRefs ?? [];
  const mainRef = refs.find((r) => r.ref === "refs/heads/main");
  const revision = repo?.headSha ?? mainRef?.newSha ?? null;
  const discussion = payload.discussion;
  const isRepoScope = scope === "repo" || scope.startsWith("repo.");
  const merged = scope === "discussion" && discussion?.isPullRequest === true && discussion.status === "merged";

  const subject: NormalizedFinding["subject"] = {
    kind: repoType === "model" ? "model" : repoType === "dataset" ? "dataset" : "other",
    name: repoName,
    ...(revision ? { revision } : {}),
  };
  const attributes = compactAttributes({
    eventType,
    scope,
    action,
    repoType,
    repo: repo?.name ?? null,
    private: repo?.private ?? null,
    headSha: repo?.headSha ?? null,
    refs: refs.length > 0 ? truncateText(refs.map((r) => r.ref).join(","), 500) : null,
    createdRefs: refs.length > 0 ? refs.filter((r) => !r.oldSha).length : null,
    deletedRefs: refs.length > 0 ? refs.filter((r) => !r.newSha).length : null,
    updatedConfig: payload.updatedConfig ? truncateText(Object.keys(payload.updatedConfig).join(","), 200) : null,
    discussionNum: discussion?.num ?? null,
    isPullRequest: discussion?.isPullRequest ?? null,
    discussionStatus: discussion?.status ?? null,
  });
  const target = `${repoType ?? "repo"} ${repoName}`;
  const anchor = discussion ? `/discussion=${discussion.num ?? discussion.id ?? ""}` : "";
  const commentAnchor = payload.comment?.id ? `/comment=${payload.comment.id}` : "";
  return {
    key: `${prefix}${eventType}/${repoType ?? "repo"}/${repoName}${anchor}${commentAnchor}${revision && isRepoScope ? `@${revision}` : ""}`,
    subject,
    check: isRepoScope || merged ? "registry-event" : "event",
    outcome: "info",
    severity: null,
    title: truncateText(`Hugging Face ${title(scope, action, target, refs.length, discussion)}`, 500),
    observedAt: null,
    links: normalizeHttpLinks([repo?.url?.web, discussion?.url?.web, payload.comment?.url?.web]),
    attributes,
  };
}

function title(
  scope: string,
  action: string,
  target: string,
  refCount: number,
  discussion: Payload["discussion"],
): string {
  if (scope === "repo") return `${target} ${past(action)}`;
  if (scope === "repo.content") return `${target} content updated${refCount > 0 ? ` (${refCount} refs)` : ""}`;
  if (scope.startsWith("repo.config")) return `${target} settings updated`;
  if (scope.startsWith("repo.")) return `${target} ${scope} ${action}`;
  const kind = discussion?.isPullRequest ? "pull request" : "discussion";
  const name = discussion
    ? ` #${discussion.num ?? "?"}${discussion.title ? ` "${truncateText(discussion.title, 200)}"` : ""}`
    : "";
  if (scope === "discussion") {
    if (discussion?.status === "merged") return `${kind}${name} merged into ${target}`;
    return `${kind}${name} ${action === "create" ? "opened" : past(action)} on ${target}`;
  }
  if (scope === "discussion.comment") {
    return `comment ${action === "create" ? "added" : past(action)} on ${kind}${name} of ${target}`;
  }
  return `event ${scope}.${action} on ${target}`;
}

function past(action: string): string {
  const forms: Record<string, string> = { create: "created", delete: "deleted", update: "updated", move: "moved" };
  return forms[action] ?? action;
}

export const huggingfaceAdapter: SourceAdapter = {
  kind: "huggingface",
  contentTypes: ["application/json"],
  parse,
};

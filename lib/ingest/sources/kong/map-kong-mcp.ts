import type { NormalizedFinding } from "../../source-adapter.ts";
import { asRecord } from "../shared/as-record.ts";
import { isRecord } from "../shared/is-record.ts";
import { readNumber } from "../shared/read-number.ts";
import { readString } from "../shared/read-string.ts";
import { truncateText } from "../shared/truncate-text.ts";

/** What the MCP findings of one log entry share. */
interface EntryContext {
  keyBase: string;
  subject: NormalizedFinding["subject"];
  observedAt: string | null;
  attributes: NormalizedFinding["attributes"];
}

/** The consumer an MCP access-control audit entry names (Kong 3.13+), if any. */
export interface McpConsumer {
  name: string;
  id: string | null;
  identifier: string | null;
}

/**
 * Findings for the `ai.mcp` object of a Kong AI MCP log entry (AI MCP Proxy plugin, Kong 3.12+):
 * one `request-log`/pass per recorded JSON-RPC call (`ai.mcp.rpc[]`: method, tool, latency, error),
 * carrying the access-control decision (`ai.mcp.audit[].action` allow/deny) for the same tool; audit
 * entries that match no recorded call become `event`/info findings. JSON-RPC payloads are never copied.
 * Also returns the first consumer an audit entry names, for the entry's `authentication` finding.
 */
export function mapKongMcp(
  mcp: Record<string, unknown>,
  context: EntryContext,
): { findings: NormalizedFinding[]; consumer: McpConsumer | null } {
  const session = readString(mcp.mcp_session_id);
  const rpcs = (Array.isArray(mcp.rpc) ? mcp.rpc : []).filter(isRecord);
  const audits = (Array.isArray(mcp.audit) ? mcp.audit : []).filter(isRecord);
  const base = `${context.keyBase}/mcp`;
  const matched = new Set<number>();
  const findings: NormalizedFinding[] = [];

  for (const [index, rpc] of rpcs.entries()) {
    const method = readString(rpc.method);
    const tool = readString(rpc.tool_name);
    const auditIndex = tool === null ? -1 : audits.findIndex((a) => readString(a.primitive_name) === tool);
    const audit = auditIndex >= 0 ? audits[auditIndex] : undefined;
    if (auditIndex >= 0) matched.add(auditIndex);
    const error = readString(rpc.error);
    const attributes: NormalizedFinding["attributes"] = { ...context.attributes };
    const put = (attribute: string, value: string | number | boolean | null) => {
      if (value !== null) attributes[attribute] = typeof value === "string" ? truncateText(value, 200) : value;
    };
    put("mcpSessionId", session);
    put("mcpMethod", method);
    put("tool", tool);
    put("rpcId", readString(rpc.id) ?? readNumber(rpc.id));
    put("latencyMs", readNumber(rpc.latency));
    put("responseBytes", readNumber(rpc.response_body_size));
    put("error", error);
    put("accessDecision", audit ? readString(audit.action) : null);
    put("consumer", audit ? (consumerOf(audit)?.name ?? null) : null);
    const finding: NormalizedFinding = {
      key: `${base}/rpc=${readString(rpc.id) ?? readNumber(rpc.id) ?? index}/request-log`,
      subject: { ...context.subject },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: truncateText(
        `Kong AI MCP ${method ?? "call"}${tool ? ` ${tool}` : ""}${error ? " failed" : ""}${audit && readString(audit.action) ? ` (access ${readString(audit.action) ?? ""})` : ""}`,
        500,
      ),
      observedAt: context.observedAt,
      links: [],
      attributes,
    };
    if (error) finding.detail = truncateText(error, 300);
    findings.push(finding);
  }

  for (const [index, audit] of audits.entries()) {
    if (matched.has(index)) continue;
    const action = readString(audit.action);
    const primitive = readString(audit.primitive);
    const name = readString(audit.primitive_name);
    const consumer = consumerOf(audit);
    const attributes: NormalizedFinding["attributes"] = { ...context.attributes, eventType: "kong.ai_mcp_audit" };
    if (session) attributes.mcpSessionId = session;
    if (action) attributes.accessDecision = action;
    if (primitive) attributes.primitive = primitive;
    if (name) attributes.tool = truncateText(name, 200);
    if (consumer) attributes.consumer = truncateText(consumer.name, 200);
    const scope = readString(audit.scope);
    if (scope) attributes.scope = scope;
    findings.push({
      key: `${base}/audit=${name ?? index}/${action ?? "decision"}`,
      subject: { ...context.subject },
      check: "event",
      outcome: "info",
      severity: null,
      title: truncateText(
        `Kong AI MCP access control: ${action ?? "decision"} for ${primitive ?? "primitive"} ${name ?? "(all)"}${consumer ? ` by ${consumer.name}` : ""}`,
        500,
      ),
      observedAt: context.observedAt,
      links: [],
      attributes,
    });
  }

  const firstConsumer = audits.map(consumerOf).find((c): c is McpConsumer => c !== null) ?? null;
  return { findings, consumer: firstConsumer };
}

function consumerOf(audit: Record<string, unknown>): McpConsumer | null {
  const consumer = asRecord(audit.consumer);
  const name = readString(consumer?.name) ?? readString(consumer?.id);
  return name ? { name, id: readString(consumer?.id), identifier: readString(consumer?.identifier) } : null;
}

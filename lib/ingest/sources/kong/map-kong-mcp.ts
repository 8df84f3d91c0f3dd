import type { NormalizedFinding } from "../../source-adapter.ts";

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
  const session = text(mcp.mcp_session_id);
  const rpcs = (Array.isArray(mcp.rpc) ? mcp.rpc : []).filter(isObject);
  const audits = (Array.isArray(mcp.audit) ? mcp.audit : []).filter(isObject);
  const base = `${context.keyBase}/mcp`;
  const matched = new Set<number>();
  const findings: NormalizedFinding[] = [];

  for (const [index, rpc] of rpcs.entries()) {
    const method = text(rpc.method);
    const tool = text(rpc.tool_name);
    const auditIndex = tool === null ? -1 : audits.findIndex((a) => text(a.primitive_name) === tool);
    const audit = auditIndex >= 0 ? audits[auditIndex] : undefined;
    if (auditIndex >= 0) matched.add(auditIndex);
    const error = text(rpc.error);
    const attributes: NormalizedFinding["attributes"] = { ...context.attributes };
    const put = (attribute: string, value: string | number | boolean | null) => {
      if (value !== null) attributes[attribute] = typeof value === "string" ? cut(value, 200) : value;
    };
    put("mcpSessionId", session);
    put("mcpMethod", method);
    put("tool", tool);
    put("rpcId", text(rpc.id) ?? num(rpc.id));
    put("latencyMs", num(rpc.latency));
    put("responseBytes", num(rpc.response_body_size));
    put("error", error);
    put("accessDecision", audit ? text(audit.action) : null);
    put("consumer", audit ? (consumerOf(audit)?.name ?? null) : null);
    const finding: NormalizedFinding = {
      key: `${base}/rpc=${text(rpc.id) ?? num(rpc.id) ?? index}/request-log`,
      subject: { ...context.subject },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: cut(
        `Kong AI MCP ${method ?? "call"}${tool ? ` ${tool}` : ""}${error ? " failed" : ""}${audit && text(audit.action) ? ` (access ${text(audit.action) ?? ""})` : ""}`,
        500,
      ),
      observedAt: context.observedAt,
      links: [],
      attributes,
    };
    if (error) finding.detail = cut(error, 300);
    findings.push(finding);
  }

  for (const [index, audit] of audits.entries()) {
    if (matched.has(index)) continue;
    const action = text(audit.action);
    const primitive = text(audit.primitive);
    const name = text(audit.primitive_name);
    const consumer = consumerOf(audit);
    const attributes: NormalizedFinding["attributes"] = { ...context.attributes, eventType: "kong.ai_mcp_audit" };
    if (session) attributes.mcpSessionId = session;
    if (action) attributes.accessDecision = action;
    if (primitive) attributes.primitive = primitive;
    if (name) attributes.tool = cut(name, 200);
    if (consumer) attributes.consumer = cut(consumer.name, 200);
    const scope = text(audit.scope);
    if (scope) attributes.scope = scope;
    findings.push({
      key: `${base}/audit=${name ?? index}/${action ?? "decision"}`,
      subject: { ...context.subject },
      check: "event",
      outcome: "info",
      severity: null,
      title: cut(
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
  const consumer = isObject(audit.consumer) ? audit.consumer : null;
  const name = text(consumer?.name) ?? text(consumer?.id);
  return name ? { name, id: text(consumer?.id), identifier: text(consumer?.identifier) } : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

import type { AiSystem } from "../db/generated/client.ts";

export interface AiSystemSummary {
  id: string;
  name: string;
  purpose: string;
  owner: string;
  lifecycle: string;
  createdAt: string;
  updatedAt: string;
}

/** The JSON shape of an AI system in API responses and CLI output. */
export function toAiSystemSummary(system: AiSystem): AiSystemSummary {
  return {
    id: system.id,
    name: system.name,
    purpose: system.purpose,
    owner: system.owner,
    lifecycle: system.lifecycle,
    createdAt: system.createdAt.toISOString(),
    updatedAt: system.updatedAt.toISOString(),
  };
}

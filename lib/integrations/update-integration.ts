import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { getIntegration } from "./get-integration.ts";
import { setIntegrationDisabled } from "./set-integration-disabled.ts";
import type { IntegrationSummary } from "./to-integration-summary.ts";

export const updateIntegrationInput = z.strictObject({
  disabled: z.boolean({ message: "must be true or false" }),
});

/**
 * `PATCH …/integrations/<id>`: disables (every delivery then gets 401) or re-enables an integration,
 * audited, and answers with the integration as it now is.
 */
export async function updateIntegration(
  prisma: PrismaClient,
  ctx: OrgContext,
  integrationId: string,
  input: unknown,
): Promise<IntegrationSummary> {
  const { disabled } = parseInput(updateIntegrationInput, input, "integration");
  const id = requireUuid(integrationId, "integration");
  await setIntegrationDisabled(prisma, ctx, id, disabled);
  return getIntegration(prisma, ctx, id);
}

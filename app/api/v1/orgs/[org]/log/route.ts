import { getLogCheckpoint } from "@/lib/audit/get-log-checkpoint.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** The latest signed checkpoint of the organization's tamper-evident log, with its Ed25519 public key. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/log", params, async ({ prisma, ctx }) =>
    getLogCheckpoint(prisma, ctx),
  );
}

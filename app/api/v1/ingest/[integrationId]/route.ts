import { respondToDelivery } from "@/lib/ingest/respond-to-delivery.ts";

type Params = { params: Promise<{ integrationId: string }> };

/** A signed webhook delivery; authenticity is checked on the raw bytes inside `ingestDelivery`. */
export async function POST(req: Request, { params }: Params): Promise<Response> {
  const { integrationId } = await params;
  return respondToDelivery(req, integrationId, "POST /api/v1/ingest/[integrationId]");
}

/** Azure Event Grid's CloudEvents abuse-protection preflight. */
export async function OPTIONS(req: Request, { params }: Params): Promise<Response> {
  const { integrationId } = await params;
  return respondToDelivery(req, integrationId, "OPTIONS /api/v1/ingest/[integrationId]");
}

import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { getSigningCertificate } from "@/lib/reports/get-signing-certificate.ts";
import { uploadSigningCertificate } from "@/lib/reports/upload-signing-certificate.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/**
 * The organization's report signing certificate: JSON summary, or with `?format=pem` the trust anchor
 * (root) as a PEM download to import into a verifier (generated on first use if none exists yet).
 */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/signing-certificate", params, async ({ prisma, ctx }) => {
    const cert = await getSigningCertificate(prisma, ctx);
    if (new URL(req.url).searchParams.get("format") !== "pem") return cert;
    const slug = ctx.org.slug.replace(/[^a-z0-9-]/g, "");
    return new Response(cert.certificatePem, {
      headers: {
        "content-type": "application/x-pem-file",
        "content-disposition": `attachment; filename="assay-${slug}-signing-root.pem"`,
        "cache-control": "no-store",
      },
    });
  });
}

/** Body `{ pkcs12: base64, passphrase }`: an admin replaces the signing identity with their own. */
export function PUT(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "PUT /api/v1/orgs/[org]/signing-certificate", params, async ({ prisma, ctx }) =>
    uploadSigningCertificate(prisma, ctx, await readJsonBody(req)),
  );
}
